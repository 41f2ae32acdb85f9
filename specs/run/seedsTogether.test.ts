import { describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { tf } from '../../src/engine/tf.js';
import type { TrainConfig } from '../../src/engine/train/trainConfig.js';
import type { TrainingCheckpoint } from '../../src/engine/train/trainingCheckpoint.js';
import type { TrainingHooks } from '../../src/engine/train/trainingHooks.js';
import { trainRun, trainRuns } from '../../src/engine/train/trainRun.js';
import type { PruningConfig } from '../../src/pruning/pruningConfig.js';
import type { RunConfig } from '../../src/results/runConfig.js';
import { executeRun, executeRuns } from '../../src/run/executeRun.js';
import { runAll } from '../../src/run/runAll.js';
import { seedsTogether } from '../../src/run/companions.js';
import { paperProfile } from '../../src/claims/profiles/paperProfile.js';
import type { BackendInfo } from '../../src/engine/backend/initBackend.js';
import { tempStore } from '../support/tempStore.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';
import { withoutTimings } from '../../src/results/withoutTimings.js';
import { webgpuForTests } from '../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu seeds-together tests skipped: ${webgpu.unavailable}`);

const train: TrainConfig = { ...tinyTrainConfig, data: { ...tinyTrainConfig.data, trainSize: 200, testSize: 100 }, epochs: 3 };
const pruning = (variant: PruningConfig['variant']): PruningConfig => ({
  variant,
  score: 'l2',
  selection: 'largest',
  interval: 1,
  window: 2,
  layers: [{ layer: 'conv3', fraction: 0.5, start: 0, end: 1 }],
});

/** Each run's result and final state (bits), trained alone or all together. */
async function results(runs: readonly { config: RunConfig; seed: number }[], together: boolean) {
  const states: TrainingCheckpoint[] = [];
  const options = runs.map((r, i) => ({ ...r, keepFinalState: { save: (state: TrainingCheckpoint) => void (states[i] = state) } }));
  const trained = together ? await executeRuns(options) : await Promise.all(options.map((o) => executeRun(o)));
  const bits = states.map((s) => s.tensors.map((t) => [t.name, [...new Uint32Array(t.values.buffer)]]));
  return { results: trained.map(withoutTimings), bits };
}

async function togetherEqualsAlone(runs: readonly { config: RunConfig; seed: number }[]): Promise<void> {
  const alone = await results(runs, false);
  const together = await results(runs, true);
  expect(together.results).toEqual(alone.results);
  runs.forEach((r, i) => expect(together.bits[i], `seed ${r.seed}`).toEqual(alone.bits[i]));
}

/** Sets a weight of the run to NaN before the batch of `step` (a run that diverges there). */
const poisonAt = (step: number): TrainingHooks => ({
  beforeBatch(context) {
    if (context.step === step) tf.tidy(() => context.model.headBias.assign(tf.fill(context.model.headBias.shape, NaN)));
  },
});

describe('seeds trained together (trainRuns, executeRuns)', () => {
  it(
    'give each run the result and final state of its run alone: events, windows released after batches, noise injected before them',
    { timeout: 300_000 },
    async () => {
      await initBackend({ request: 'wasm' });
      await togetherEqualsAlone([
        { config: { train, pruning: pruning('zeroing') }, seed: 3 },
        { config: { train, pruning: pruning('gaussian') }, seed: 8 },
        { config: { train, pruning: pruning('remove') }, seed: 21 },
      ]);
    },
  );

  it('let a diverged member leave the ensemble: it stops where alone it stops, the others train on with their bits', { timeout: 120_000 }, async () => {
    await initBackend({ request: 'wasm' });
    const members = [{ seed: 4, hooks: poisonAt(5) }, { seed: 5 }, { seed: 6, hooks: poisonAt(1) }];
    const alone = [];
    for (const m of members) alone.push(await trainRun({ config: train, ...m }));
    const together = await trainRuns({ config: train, members });
    for (const [i, run] of together.entries()) {
      expect(run.outcome.diverged, `seed ${members[i].seed}`).toEqual(alone[i].outcome.diverged);
      expect(run.outcome.epochs.map(({ seconds: _, ...e }) => e)).toEqual(alone[i].outcome.epochs.map(({ seconds: _, ...e }) => e));
      const [a, b] = await Promise.all([run.checkpoint(), alone[i].checkpoint()]);
      expect(a.tensors).toEqual(b.tensors);
    }
    expect(together.map((r) => r.outcome.diverged?.step)).toEqual([6, undefined, 2]);
    [...alone, ...together].forEach((r) => r.dispose());
  });

  it('refuse members at different epochs, members that observe and no members, saying what to do', async () => {
    await initBackend({ request: 'wasm' });
    const start = await (async () => {
      const run = await trainRun({ config: { ...train, epochs: 1 }, seed: 1 });
      const state = await run.checkpoint();
      run.dispose();
      return state;
    })();
    await expect(trainRuns({ config: train, members: [{ seed: 1, start }, { seed: 2 }] })).rejects.toThrow(
      /start after 1, 0 epochs; only runs at the same epoch/,
    );
    await expect(trainRuns({ config: train, members: [{ seed: 1, hooks: { observe: () => undefined } }, { seed: 2 }] })).rejects.toThrow(
      /train such runs alone/,
    );
    await expect(trainRuns({ config: train, members: [] })).rejects.toThrow(/members is empty/);
    await expect(
      executeRuns([
        { config: { train, pruning: pruning('none') }, seed: 1 },
        { config: { train: { ...train, epochs: 2 }, pruning: pruning('none') }, seed: 2 },
      ]),
    ).rejects.toThrow(/different training configs/);
  });

  it.skipIf(webgpu.unavailable !== undefined)(
    `give each run its result alone on webgpu (${webgpu.adapter?.device ?? 'no adapter'})`,
    { timeout: 300_000 },
    async () => {
      vi.stubEnv('GST_BACKEND', 'webgpu');
      vi.stubEnv('GST_WEBGPU_SOFTWARE', '1');
      await togetherEqualsAlone([
        { config: { train: { ...train, epochs: 2 }, pruning: pruning('zeroing') }, seed: 3 },
        { config: { train: { ...train, epochs: 2 }, pruning: pruning('remove') }, seed: 8 },
      ]);
      expect(tf.getBackend()).toBe('webgpu');
      vi.unstubAllEnvs();
    },
  );
});

describe('the scheduler with GST_SEEDS_TOGETHER', () => {
  it(
    'trains queued runs of one training config together, never two of one prefix family, with the results of runs alone, also through a worker',
    { timeout: 300_000 },
    async () => {
      await initBackend({ request: 'wasm' });
      const prefixed: PruningConfig = { ...pruning('remove'), layers: [{ layer: 'conv3', fraction: 0.5, start: 1, end: 2 }] };
      const requests = [3, 4, 5].flatMap((seed) => [
        { config: { train, pruning: pruning('none') }, seed, label: `none #${seed}` },
        { config: { train, pruning: prefixed }, seed, label: `remove #${seed}` },
      ]);
      const alone = (await runAll(requests, { store: tempStore(), workers: 0 })).results.map(withoutTimings);
      vi.stubEnv('GST_SEEDS_TOGETHER', '3');
      vi.stubEnv('GST_PROGRESS', '2'); // every line reaches the sink
      for (const workers of [0, 1]) {
        const lines: string[] = [];
        const store = tempStore();
        const { results } = await runAll(requests, { store, workers, progress: (line) => lines.push(line) });
        expect(results.map(withoutTimings)).toEqual(alone);
        const groups = lines.filter((l) => l.includes('train together')).map((l) => l.replace(/^.*train together: /, ''));
        expect(groups).toEqual(['none #3, none #4, none #5', 'remove #3, remove #4, remove #5']);
        expect(lines.filter((l) => l.includes('continues after epoch 1'))).toHaveLength(3);
      }
      vi.unstubAllEnvs();
    },
  );
});

describe('how many runs train together', () => {
  it("is GST_SEEDS_TOGETHER, else the profile's on webgpu, else 1 (the CPU backends)", async () => {
    const info = await initBackend({ request: 'wasm' });
    const on = (name: BackendInfo['name']): BackendInfo => ({ ...info, name });
    expect([
      seedsTogether(on('webgpu'), paperProfile.seedsTogether),
      seedsTogether(on('wasm'), paperProfile.seedsTogether),
      seedsTogether(on('webgpu')),
    ]).toEqual([8, 1, 1]);
    vi.stubEnv('GST_SEEDS_TOGETHER', '3');
    expect([seedsTogether(on('webgpu'), 8), seedsTogether(on('wasm'))]).toEqual([3, 3]);
    vi.stubEnv('GST_SEEDS_TOGETHER', '0');
    expect(() => seedsTogether(on('wasm'))).toThrow(/GST_SEEDS_TOGETHER='0' is not allowed; use an integer ≥ 1/);
    vi.unstubAllEnvs();
  });
});
