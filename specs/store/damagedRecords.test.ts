import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAll } from '../../src/run/runAll.js';
import { openStore } from '../../src/store/experimentStore.js';
import { tempStore } from '../support/tempStore.js';
import { tinyRunConfig } from '../support/tinyRunConfig.js';

/** Ways a run record gets damaged on disk, and the reason the store must give. */
const damages: readonly [name: string, damage: (text: string) => string, reason: RegExp][] = [
  ['cut to half its bytes', (t) => t.slice(0, t.length / 2), /does not parse/],
  ['emptied', () => '', /does not parse/],
  ['holding {}', () => '{}', /version is missing/],
  ['of the wrong shape (epochs not a list)', (t) => JSON.stringify({ ...(JSON.parse(t) as object), epochs: 3 }), /epochs is not a list/],
  [
    'with one value changed (a bit flipped in a test accuracy)',
    (t) => t.replace(/"testAccuracy": 0\.(\d)/, (_, d: string) => `"testAccuracy": 0.${(Number(d) + 1) % 10}`),
    /does not match the hash/,
  ],
  ['without its content hash (the field deleted)', (t) => JSON.stringify({ ...(JSON.parse(t) as object), contentHash: undefined }), /carries no content hash/],
];

afterEach(() => vi.restoreAllMocks());

describe('a damaged run record', () => {
  it.each(damages)(
    '%s is moved to quarantine/ with one warning naming it and why, and its run is trained again to the same result',
    async (_, damage, reason) => {
      const store = tempStore();
      const requests = [{ config: tinyRunConfig, seed: 3, label: 'tiny 3' }];
      const [original] = (await runAll(requests, { store, workers: 0, prefixCheckpoints: false })).results;
      const [file] = readdirSync(join(store.root, 'runs'));
      const path = join(store.root, 'runs', file);
      const text = readFileSync(path, 'utf8');
      const damaged = damage(text);
      expect(damaged).not.toBe(text);
      writeFileSync(path, damaged);
      const warnings: string[] = [];
      vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
      // opened anew, as the next process would (nothing verified yet)
      const reopened = openStore({ root: store.root });
      const [again] = (await runAll(requests, { store: reopened, workers: 0, prefixCheckpoints: false })).results;
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`runs/${file} is damaged`);
      expect(warnings[0]).toMatch(reason);
      expect(readdirSync(join(store.root, 'quarantine'))).toHaveLength(1);
      const { wallSeconds: _w, examplesPerSecond: _e, epochs, ...rest } = again;
      const { wallSeconds: _w0, examplesPerSecond: _e0, epochs: epochs0, ...rest0 } = original;
      expect(rest).toEqual(rest0);
      expect(epochs.map(({ seconds: _s, ...e }) => e)).toEqual(epochs0.map(({ seconds: _s, ...e }) => e));
    },
  );
});
