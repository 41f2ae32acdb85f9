import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { executeRun } from '../../src/run/executeRun.js';
import type { RunConfig } from '../../src/results/runConfig.js';
import { runAll } from '../../src/run/runAll.js';
import { truncateRun } from '../../src/run/truncateRun.js';
import { runKey } from '../../src/store/runKey.js';
import { tempStore } from '../support/tempStore.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';
import { withoutTimings } from '../../src/results/withoutTimings.js';

beforeAll(async () => {
  await initBackend();
});

/** Events at epochs 1 and 2, an lr drop at epoch 3 (absolute milestones do not depend on the length). */
const config = (epochs: number): RunConfig => ({
  train: { ...tinyTrainConfig, epochs, lrSchedule: { milestones: [3], gamma: 0.1 } },
  pruning: { variant: 'remove', selection: 'largest', score: 'l2', interval: 1, layers: [{ layer: 'conv4', fraction: 0.5, start: 1, end: 2 }] },
});

describe('runs read from a longer run', () => {
  it('equal the shorter run trained itself, and share one trained run through the scheduler', async () => {
    const store = tempStore();
    const requests = [4, 5].map((epochs) => ({ config: config(epochs), seed: 3, label: `${epochs} epochs`, trainEpochs: 5 }));
    const { results } = await runAll(requests, { store, workers: 0 });
    const trained = await executeRun({ config: config(4), seed: 3 });
    expect(withoutTimings(results[0])).toEqual(withoutTimings(trained));
    expect(results[0].readFrom).toEqual({ epochs: 5 });
    expect(results[0].epochs).toHaveLength(4);
    expect(results[1].readFrom).toBeUndefined();
    expect(store.runs.has(runKey({ config: config(5), seed: 3, backend: 'wasm' }))).toBe(true);
    expect(store.runs.has(runKey({ config: config(4), seed: 3, backend: 'wasm' }))).toBe(false);
  });

  it('refuse what a shorter run would not have done, naming the field', async () => {
    const long = await executeRun({ config: config(3), seed: 2 });
    expect(() => truncateRun(long, config(2))).toThrow(/an event at epoch 2 lies beyond the 2 epochs/);
    expect(() => truncateRun(long, config(4))).toThrow(/fewer than the 4 asked for/);
    const measuredRequest = { config: { ...config(2), flatness: { examples: 8, topK: 1, iterations: 1 } }, seed: 2, label: 'measured', trainEpochs: 3 };
    await expect(runAll([measuredRequest], { store: tempStore(), workers: 0 })).rejects.toThrow(
      /trainEpochs: measured cannot be read from a longer run: flatness/,
    );
    await expect(runAll([{ ...measuredRequest, trainEpochs: 1 }], { store: tempStore(), workers: 0 })).rejects.toThrow(/trainEpochs: 1 is not allowed/);
  });
});
