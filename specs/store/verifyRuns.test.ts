import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunConfig } from '../../src/results/runConfig.js';
import { runAll } from '../../src/run/runAll.js';
import { verifyRuns } from '../../src/run/verifyRuns.js';
import { recordHash } from '../../src/store/recordHash.js';
import { tempStore } from '../support/tempStore.js';
import { tinyRunConfig } from '../support/tinyRunConfig.js';

/** The smallest real run: one epoch of 64 images. */
const config: RunConfig = {
  ...tinyRunConfig,
  train: { ...tinyRunConfig.train, data: { ...tinyRunConfig.train.data, trainSize: 64, testSize: 64 }, batchSize: 32 },
};

afterEach(() => vi.restoreAllMocks());

describe('store:verify (verifyRuns)', () => {
  it('finds the one record of 100 whose test accuracy was edited and its hash recomputed, names it and quarantines it; the other 99 match bit for bit', async () => {
    const store = tempStore();
    const requests = Array.from({ length: 100 }, (_, i) => ({ config, seed: i + 1, label: `seed ${i + 1}` }));
    await runAll(requests, { store, workers: 2 });
    const keys = store.runs.keys().sort();
    expect(keys).toHaveLength(100);
    const edited = keys[37];
    const path = join(store.root, 'runs', `${edited}.json`);
    const { contentHash: _, ...record } = JSON.parse(readFileSync(path, 'utf8')) as { contentHash: string; epochs: { testAccuracy: number }[] };
    const forged = { ...record, epochs: record.epochs.map((e, i) => (i === 0 ? { ...e, testAccuracy: e.testAccuracy + 1 / 64 } : e)) };
    writeFileSync(path, JSON.stringify({ ...forged, contentHash: recordHash(forged) })); // whoever edits can recompute the hash
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));

    const v = await verifyRuns(store, { workers: 2 });
    expect({ checked: v.checked, matched: v.matched, skipped: v.skipped }).toEqual({ checked: 100, matched: 99, skipped: [] });
    expect(v.mismatched.map((m) => m.key)).toEqual([edited]);
    expect(v.mismatched[0].difference).toMatch(/^epochs\[0\]\.testAccuracy: [\d.]+ ≠ [\d.]+$/);
    expect(warnings).toEqual([expect.stringContaining(`runs/${edited}.json is damaged: training it again gave other values (epochs[0].testAccuracy`)]);
    expect(readdirSync(join(store.root, 'quarantine'))).toHaveLength(1);
    expect(store.runs.has(edited)).toBe(false);
  }, 300_000);

  it('draws a sample by its seed (the same seed, the same runs) and skips runs it cannot retrain here', async () => {
    const store = tempStore();
    await runAll(
      [1, 2, 3, 4].map((seed) => ({ config, seed, label: `seed ${seed}` })),
      { store, workers: 0 },
    );
    const first = await verifyRuns(store, { sample: 2, seed: 5, workers: 0 });
    const again = await verifyRuns(store, { sample: 2, seed: 5, workers: 0 });
    expect(first).toEqual(again);
    expect(first).toMatchObject({ checked: 2, matched: 2, mismatched: [] });
    const absent = await verifyRuns(store, { keys: ['f'.repeat(32)], workers: 0 });
    expect(absent).toEqual({ checked: 0, matched: 0, mismatched: [], skipped: [{ key: 'f'.repeat(32), why: expect.stringMatching(/no sound record/) }] });
  }, 120_000);
});
