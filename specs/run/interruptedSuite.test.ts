import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/results/runResult.js';
import { spawnSuite } from '../support/spawnSuite.js';
import { withoutProvenance } from '../support/withoutProvenance.js';
import { withoutTimings } from '../../src/results/withoutTimings.js';

/** The first core claim at `ci` on wasm, as `npm run test:core-claims` runs it, into its own store and report folder. */
const suite = (root: string, onStart?: (interrupt: () => void) => void) => spawnSuite(root, ['specs/tradeoff/01-stability-order.spec.ts'], onStart);

const storedRuns = (root: string) =>
  existsSync(join(root, 'store', 'runs')) ? readdirSync(join(root, 'store', 'runs')).filter((f) => f.endsWith('.json')) : [];

const verdicts = (root: string) => withoutProvenance(join(root, 'report', 'claims.json'));

/** A stored run without what differs between runs trained whole, resumed or read (`withoutTimings`), nor the hash over it. */
function runWithoutTimings(root: string, file: string) {
  const { contentHash: _hash, ...result } = JSON.parse(readFileSync(join(root, 'store', 'runs', file), 'utf8')) as RunResult & { contentHash: string };
  return withoutTimings(result);
}

describe('a suite interrupted mid-stage', () => {
  it('resumes at that stage with the runs it had stored, and ends as an uninterrupted suite does', { timeout: 300_000 }, async () => {
    const whole = mkdtempSync(join(tmpdir(), 'gst-whole-'));
    expect(await suite(whole)).toBe(0);
    const all = storedRuns(whole);
    expect(all.length).toBeGreaterThan(4);

    const cut = mkdtempSync(join(tmpdir(), 'gst-cut-'));
    let storedAtStop = 0;
    await suite(cut, (stop) => {
      const poll = setInterval(() => {
        storedAtStop = storedRuns(cut).length;
        if (storedAtStop >= 2) {
          clearInterval(poll);
          stop();
        }
      }, 50);
    });
    const kept = storedRuns(cut);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(all.length);
    const keptRuns = kept.map((f) => JSON.stringify(runWithoutTimings(cut, f)));

    expect(await suite(cut)).toBe(0);
    // the runs stored before the interruption are read, not trained again; the rest are trained now
    expect(kept.map((f) => JSON.stringify(runWithoutTimings(cut, f)))).toEqual(keptRuns);
    expect(storedRuns(cut).sort()).toEqual([...all].sort());
    for (const f of all) expect(runWithoutTimings(cut, f), f).toEqual(runWithoutTimings(whole, f));
    expect(verdicts(cut)).toEqual(verdicts(whole));
  });
});
