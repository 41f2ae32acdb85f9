import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { executeJobs } from '../../src/run/executeJobs.js';
import { executeRun, measureOnTwin } from '../../src/run/executeRun.js';
import type { RunConfig } from '../../src/results/runConfig.js';
import { runAll } from '../../src/run/runAll.js';
import { trainingTwin } from '../../src/run/trainingTwin.js';
import { runKey } from '../../src/store/runKey.js';
import { tempStore } from '../support/tempStore.js';
import { withoutTimings } from '../../src/results/withoutTimings.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

beforeAll(async () => {
  await initBackend();
});

const measuredConfig: RunConfig = {
  train: { ...tinyTrainConfig, epochs: 3 },
  pruning: { variant: 'remove', selection: 'largest', score: 'l2', interval: 1, layers: [{ layer: 'conv4', fraction: 0.5, start: 1, end: 2 }] },
  flatness: { examples: 32, topK: 1, iterations: 2 },
};
const twinConfig = trainingTwin(measuredConfig);
const twinKey = (seed: number) => runKey({ config: twinConfig, seed, backend: 'wasm' });

describe('final training states', () => {
  it("let a flatness run measure on its twin's final state, with the result of training it again", async () => {
    const { finalStates } = tempStore();
    const twin = await executeRun({ config: twinConfig, seed: 4, keepFinalState: { save: (state) => finalStates.save(twinKey(4), state) } });
    const onState = await measureOnTwin({
      config: measuredConfig,
      seed: 4,
      twin,
      twinKey: twinKey(4),
      state: finalStates.load(twinKey(4)) ?? expect.fail('no final state'),
    });
    const trained = await executeRun({ config: measuredConfig, seed: 4 });
    expect(onState.twinKey).toBe(twinKey(4));
    expect(onState.flatness?.curvature).toBeGreaterThan(0);
    expect(withoutTimings(onState)).toEqual(withoutTimings(trained));
    expect(readdirSync(finalStates.dir)).toEqual([`${twinKey(4)}.ckpt`]);
  });

  it('are kept by the scheduler for the twin of a requested flatness run (trained first), also through a worker', async () => {
    const reference = withoutTimings(await executeRun({ config: measuredConfig, seed: 9 }));
    for (const workers of [0, 1]) {
      const store = tempStore();
      const [result] = (await runAll([{ config: measuredConfig, seed: 9, label: 'flat' }], { store, workers, finalStateMb: 0 })).results;
      expect(result.twinKey).toBe(twinKey(9));
      expect(withoutTimings(result)).toEqual(reference);
      expect(store.runs.read(twinKey(9))?.flatness).toBeUndefined();
      expect(readdirSync(store.finalStates.dir)).toEqual([`${twinKey(9)}.ckpt`]);
    }
  });

  it('are kept for every run up to the size limit; a twin stored without one, or GST_FINAL_STATES=0, leaves the flatness run to train', async () => {
    const small = tempStore();
    await runAll([{ config: twinConfig, seed: 2, label: 'twin' }], { store: small, workers: 0, finalStateMb: 16 });
    expect(readdirSync(small.finalStates.dir)).toEqual([`${twinKey(2)}.ckpt`]);
    const [onState] = (await runAll([{ config: measuredConfig, seed: 2, label: 'flat' }], { store: small, workers: 0 })).results;
    expect(onState.twinKey).toBe(twinKey(2));

    const none = tempStore();
    await runAll([{ config: twinConfig, seed: 2, label: 'twin' }], { store: none, workers: 0, finalStateMb: 0 });
    const [trained] = (await runAll([{ config: measuredConfig, seed: 2, label: 'flat' }], { store: none, workers: 0 })).results;
    expect(trained.twinKey).toBeUndefined();
    expect(withoutTimings(trained)).toEqual(withoutTimings(onState));

    const off = tempStore();
    const [own] = (await runAll([{ config: measuredConfig, seed: 2, label: 'flat' }], { store: off, workers: 0, finalStates: false })).results;
    expect(own.twinKey).toBeUndefined();
    expect(existsSync(join(off.root, 'final'))).toBe(false);
  });

  it('missing (deleted, or never kept) are said once, and the flatness run trains instead', async () => {
    const store = tempStore();
    await runAll([{ config: twinConfig, seed: 5, label: 'twin' }], { store, workers: 0, finalStateMb: 0 });
    expect(existsSync(store.finalStates.path(twinKey(5)))).toBe(false);
    const lines: string[] = [];
    const [result] = (await runAll([{ config: measuredConfig, seed: 5, label: 'flat' }], { store, workers: 0, progress: (l) => lines.push(l) })).results;
    expect(lines.filter((l) => l.startsWith('run store: '))).toEqual([
      `run store: final/${twinKey(5)}.ckpt is not stored (deleted, or never kept: larger than GST_FINAL_STATE_MB): flat trains its twin's epochs itself`,
    ]);
    expect(result.twinKey).toBeUndefined();
  });

  it('that are damaged are quarantined with one warning, and the flatness run trains instead, with the same result', async () => {
    const store = tempStore();
    await runAll([{ config: twinConfig, seed: 4, label: 'twin' }], { store, workers: 0 });
    writeFileSync(store.finalStates.path(twinKey(4)), 'garbage');
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    const job = {
      config: measuredConfig,
      seed: 4,
      label: 'flat',
      key: runKey({ config: measuredConfig, seed: 4, backend: 'wasm' }),
      backend: 'wasm',
      twinKey: twinKey(4),
    };
    const [result] = await executeJobs([job], { store });
    expect(warnings).toEqual([
      expect.stringMatching(/^run store: final\/[0-9a-f]{32}\.ckpt is damaged: not a gst-harness checkpoint.*the runs measured on it will train instead$/),
    ]);
    expect(result.twinKey).toBeUndefined();
    expect(withoutTimings(result)).toEqual(withoutTimings(await executeRun({ config: measuredConfig, seed: 4 })));
    expect(existsSync(store.finalStates.path(twinKey(4)))).toBe(false);
    vi.restoreAllMocks();
  });
});
