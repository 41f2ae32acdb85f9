import { describe, expect, it } from 'vitest';
import { endToEndProtocol, endToEndRuns } from '../../src/bench/endToEnd.js';

describe('endToEndProtocol', () => {
  it('accepts every protocol of the bench by name', () => {
    for (const name of Object.keys(endToEndRuns)) expect(endToEndProtocol(name)).toBe(name);
  });

  it('rejects unknown names, prototype names and a missing argument, naming the allowed ones', () => {
    for (const name of ['paper', 'toString', 'constructor', '__proto__', undefined]) {
      expect(() => endToEndProtocol(name)).toThrow(/unknown; allowed: mini-v1, mini/);
    }
  });
});
