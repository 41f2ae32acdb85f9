import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { executeRun } from '../../src/experiment/executeRun.js';
import { FinalStateStore, trainingTwin } from '../../src/experiment/finalStateStore.js';
import type { RunConfig } from '../../src/experiment/runConfig.js';
import { runKey } from '../../src/experiment/runKey.js';
import type { RunResult } from '../../src/experiment/runResult.js';
import { runAll } from '../../src/experiment/runScheduler.js';
import { RunStore } from '../../src/experiment/runStore.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

beforeAll(async () => {
  await initBackend();
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'gst-final-'));

const measuredConfig: RunConfig = {
  train: { ...tinyTrainConfig, epochs: 3 },
  pruning: { variant: 'remove', selection: 'largest', score: 'l2', interval: 1, layers: [{ layer: 'conv4', fraction: 0.5, start: 1, end: 2 }] },
  flatness: { examples: 32, topK: 1, iterations: 2 },
};
const twinConfig = trainingTwin(measuredConfig);
const twinKey = (seed: number) => runKey({ config: twinConfig, seed, backend: 'wasm' });

/** A result without timings and the note of where its training came from. */
function measured(result: RunResult) {
  const { wallSeconds: _w, examplesPerSecond: _e, resumedEpochs: _r, flatnessSeconds: _f, measuredOnRun: _m, ...rest } = result;
  return { ...rest, epochs: result.epochs.map(({ seconds: _s, ...epoch }) => epoch) };
}

describe('final training states', () => {
  it('let a flatness run measure on its twin\'s final state, with the result of training it again', async () => {
    const states = new FinalStateStore(tempDir());
    const twin = await executeRun({ config: twinConfig, seed: 4, keepFinalState: { store: states, key: twinKey(4) } });
    const onState = await executeRun({ config: measuredConfig, seed: 4, measureAfter: { store: states, key: twinKey(4), twin } });
    const trained = await executeRun({ config: measuredConfig, seed: 4 });
    expect(onState.measuredOnRun).toBe(twinKey(4));
    expect(onState.flatness?.curvature).toBeGreaterThan(0);
    expect(measured(onState)).toEqual(measured(trained));
    expect(readdirSync(states.dir)).toEqual([`${twinKey(4)}.ckpt`]);
  });

  it('are kept by the scheduler for the twin of a requested flatness run (trained first), also through a worker', async () => {
    const reference = measured(await executeRun({ config: measuredConfig, seed: 9 }));
    for (const workers of [0, 1]) {
      const store = new RunStore({ dir: tempDir() });
      const [result] = await runAll([{ config: measuredConfig, seed: 9, label: 'flat' }], { store, backend: 'wasm', workers, finalStateMb: 0 });
      expect(result.measuredOnRun).toBe(twinKey(9));
      expect(measured(result)).toEqual(reference);
      expect(store.read(twinKey(9))?.flatness).toBeUndefined();
      expect(readdirSync(join(store.dir, 'final'))).toEqual([`${twinKey(9)}.ckpt`]);
    }
  });

  it('are kept for every run up to the size limit; a twin stored without one, or GST_FINAL_STATES=0, leaves the flatness run to train', async () => {
    const small = new RunStore({ dir: tempDir() });
    await runAll([{ config: twinConfig, seed: 2, label: 'twin' }], { store: small, backend: 'wasm', workers: 0, finalStateMb: 16 });
    expect(readdirSync(join(small.dir, 'final'))).toEqual([`${twinKey(2)}.ckpt`]);
    const [onState] = await runAll([{ config: measuredConfig, seed: 2, label: 'flat' }], { store: small, backend: 'wasm', workers: 0 });
    expect(onState.measuredOnRun).toBe(twinKey(2));

    const none = new RunStore({ dir: tempDir() });
    await runAll([{ config: twinConfig, seed: 2, label: 'twin' }], { store: none, backend: 'wasm', workers: 0, finalStateMb: 0 });
    const [trained] = await runAll([{ config: measuredConfig, seed: 2, label: 'flat' }], { store: none, backend: 'wasm', workers: 0 });
    expect(trained.measuredOnRun).toBeUndefined();
    expect(measured(trained)).toEqual(measured(onState));

    const off = new RunStore({ dir: tempDir() });
    const [own] = await runAll([{ config: measuredConfig, seed: 2, label: 'flat' }], { store: off, backend: 'wasm', workers: 0, finalStates: false });
    expect(own.measuredOnRun).toBeUndefined();
    expect(existsSync(join(off.dir, 'final'))).toBe(false);
  });

  it('turn a corrupt state file into an error naming it', async () => {
    const states = new FinalStateStore(tempDir());
    const twin = await executeRun({ config: twinConfig, seed: 4 });
    writeFileSync(states.path(twinKey(4)), 'garbage');
    await expect(executeRun({ config: measuredConfig, seed: 4, measureAfter: { store: states, key: twinKey(4), twin } })).rejects.toThrow(/checkpoint .*\.ckpt: not a gst-harness checkpoint/);
  });
});
