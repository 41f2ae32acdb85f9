import type { SelectionName } from '../../src/pruning/selections.js';
import type { VariantName } from '../../src/pruning/variants/variantRegistry.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { hashVariables } from '../../src/engine/models/parameterHash.js';
import { buildModel } from '../../src/engine/models/modelRegistry.js';
import { createOptimizer } from '../../src/engine/optim/optimizerRegistry.js';
import { trainRun } from '../../src/engine/train/trainRun.js';
import { restoreCheckpoint, type TrainingCheckpoint } from '../../src/engine/train/trainingCheckpoint.js';
import { tf } from '../../src/engine/tf.js';
import { executeJobs } from '../../src/run/executeJobs.js';
import { executeRun } from '../../src/run/executeRun.js';
import { planRuns } from '../../src/run/planRuns.js';
import type { RunConfig } from '../../src/results/runConfig.js';
import type { RunResult } from '../../src/results/runResult.js';
import { runAll } from '../../src/run/runAll.js';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/store/checkpointCodec.js';
import type { ExperimentStore } from '../../src/store/experimentStore.js';
import { prefixKey } from '../../src/store/prefixKey.js';
import { inertEpochs } from '../../src/pruning/inertEpochs.js';
import { createPruning } from '../../src/pruning/createPruning.js';
import type { PruningConfig } from '../../src/pruning/pruningConfig.js';
import { tempStore } from '../support/tempStore.js';
import { withoutTimings } from '../../src/results/withoutTimings.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

beforeAll(async () => {
  await initBackend();
});

/** Executes one run as the scheduler would plan it alone, sharing prefixes through `store`. */
async function runSharing(config: RunConfig, seed: number, store: ExperimentStore): Promise<RunResult> {
  const plan = planRuns(
    [{ config, seed, label: 'run' }],
    { backend: 'wasm', prefixCheckpoints: true, finalStates: false, finalStateBytes: 0 },
    { hasRun: () => false, hasFinalState: () => false },
  );
  return (await executeJobs([plan.jobs[0]], { store }))[0];
}

const train = { ...tinyTrainConfig, epochs: 4 };
const pruneFrom = (start: number, selection: SelectionName, variant: VariantName = 'remove'): PruningConfig => ({
  variant,
  selection,
  score: 'l2',
  interval: 1,
  layers: [
    { layer: 'conv3', fraction: 0.5, start, end: start + 1 },
    { layer: 'conv4', fraction: 0.5, start: start + 1, end: start + 1 },
  ],
});

describe('training checkpoints', () => {
  const checkpoint: TrainingCheckpoint = {
    epochsDone: 2,
    step: 19,
    epochs: [],
    trainSeconds: 1.5,
    examples: 1200,
    optimizerCounters: { t: 19 },
    tensors: [
      { name: 'a', shape: [2, 3], values: Float32Array.from([1, -0, NaN, Infinity, 1e-45, 3.5]) },
      { name: 'b', shape: [1], values: Float32Array.from([-2]) },
    ],
  };

  it('round-trip through bytes with every float bit intact', () => {
    const decoded = decodeCheckpoint(encodeCheckpoint(checkpoint), 'memory');
    expect(decoded.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['a', [2, 3]],
      ['b', [1]],
    ]);
    expect(new Uint32Array(decoded.tensors[0].values.slice().buffer)).toEqual(new Uint32Array(checkpoint.tensors[0].values.buffer));
    expect({ ...decoded, tensors: [] }).toEqual({ ...checkpoint, tensors: [] });
  });

  it('refuse truncated or foreign bytes with an error naming the file', () => {
    const bytes = encodeCheckpoint(checkpoint);
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 4), 'x.ckpt')).toThrow(/checkpoint x\.ckpt: its content does not match its hash/);
    const flipped = bytes.slice();
    flipped[bytes.length - 40] ^= 1;
    expect(() => decodeCheckpoint(flipped, 'z.ckpt')).toThrow(/checkpoint z\.ckpt: its content does not match its hash/);
    expect(() => decodeCheckpoint(new TextEncoder().encode('{"not":"a checkpoint"}'), 'y.ckpt')).toThrow(/checkpoint y\.ckpt: not a gst-harness checkpoint/);
  });

  it('refuse to restore into another model, naming the variable', () => {
    const model = buildModel({ name: 'vgg-mini', widthMultiplier: 0.5 }, { inputShape: [16, 16, 1], numClasses: 10, seed: 1 });
    const optimizer = createOptimizer(model.trainableVariables(), { name: 'adam', learningRate: 1e-3 });
    const other = buildModel({ name: 'vgg-mini', widthMultiplier: 0.25 }, { inputShape: [16, 16, 1], numClasses: 10, seed: 1 });
    const otherOptimizer = createOptimizer(other.trainableVariables(), { name: 'adam', learningRate: 1e-3 });
    const saved = {
      ...checkpoint,
      tensors: [...other.namedVariables(), ...otherOptimizer.stateVariables().map((v, i): [string, tf.Variable] => [`optimizer.${i}`, v])].map(([name, v]) => ({
        name,
        shape: v.shape,
        values: v.dataSync() as Float32Array,
      })),
    };
    expect(() => restoreCheckpoint(saved, model, optimizer)).toThrow(/variable 'conv0.kernel' has shape \[3, 3, 1, 4\], expected \[3, 3, 1, 8\]/);
    for (const d of [model, optimizer, other, otherOptimizer]) d.dispose();
  });
});

describe('inert epochs', () => {
  it('run up to the first event for variants that act only at events, none for scratch or activation scores', () => {
    expect(inertEpochs(pruneFrom(2, 'largest'))).toBe(2);
    expect(inertEpochs(pruneFrom(3, 'random', 'gaussian'))).toBe(3);
    expect(inertEpochs(pruneFrom(2, 'smallest', 'scratch'))).toBe(0);
    expect(inertEpochs({ ...pruneFrom(2, 'smallest'), score: 'activations' })).toBe(0);
    expect(inertEpochs({ ...pruneFrom(2, 'smallest'), variant: 'none' })).toBe(Infinity);
    expect(() => inertEpochs({ ...pruneFrom(2, 'smallest'), variant: 'prune' as VariantName })).toThrow(
      /pruning.variant: "prune" is not allowed; allowed: .*remove/,
    );
  });
});

describe('shared training prefixes', () => {
  it('are keyed by training config without its length, seed and backend', () => {
    const key = prefixKey({ train, seed: 1, backend: 'wasm' });
    expect(prefixKey({ train: { ...train, epochs: 9 }, seed: 1, backend: 'wasm' })).toBe(key);
    for (const other of [
      { train: { ...train, batchSize: 32 }, seed: 1, backend: 'wasm' },
      { train, seed: 2, backend: 'wasm' },
      { train, seed: 1, backend: 'cpu' },
    ]) {
      expect(prefixKey(other)).not.toBe(key);
    }
  });

  it('give bit-identical weights whether a run trains its prefix or continues from the checkpoint', async () => {
    const { prefixes } = tempStore();
    const identity = { train, seed: 3, backend: 'wasm' };
    const hashOf = async (how: 'plain' | 'saving' | 'continuing') => {
      const pruning = createPruning(pruneFrom(2, 'largest'), { seed: 3 });
      const run = await trainRun({
        config: train,
        seed: 3,
        hooks: pruning.hooks,
        start: how === 'continuing' ? prefixes.latest(identity, 2) : undefined,
        checkpoints: how === 'saving' ? { after: [2], save: (checkpoint) => prefixes.save(identity, checkpoint) } : undefined,
      });
      const hash = await hashVariables(run.model.namedVariables());
      const optimizerHash = await hashVariables(run.optimizer.stateVariables().map((v, i) => [`${i}`, v]));
      const resumed = run.outcome.resumedEpochs;
      run.dispose();
      return { hash, optimizerHash, resumed };
    };
    const plain = await hashOf('plain');
    const saving = await hashOf('saving');
    expect(readdirSync(prefixes.dir)).toHaveLength(1);
    const continuing = await hashOf('continuing');
    expect(saving).toEqual({ ...plain, resumed: undefined });
    expect(continuing).toEqual({ ...plain, resumed: 2 });
  });

  it('let runs of other arms continue from one prefix with results equal to training it themselves', async () => {
    const store = tempStore();
    const config = (selection: SelectionName, variant?: VariantName): RunConfig => ({ train, pruning: pruneFrom(2, selection, variant) });
    const first = await runSharing(config('largest'), 5, store);
    expect(first.resumedEpochs).toBeUndefined();
    for (const [selection, variant] of [
      ['smallest', 'remove'],
      ['random', 'zeroing'],
    ] as const) {
      const shared = await runSharing({ ...config(selection, variant), pruning: { ...config(selection, variant).pruning, window: 3 } }, 5, store);
      const own = await executeRun({ config: { ...config(selection, variant), pruning: { ...config(selection, variant).pruning, window: 3 } }, seed: 5 });
      expect(shared.resumedEpochs).toBe(2);
      expect(withoutTimings(shared)).toEqual(withoutTimings(own));
      expect(shared.events[0].epoch).toBe(2);
    }
    expect(readdirSync(store.prefixes.dir)).toHaveLength(1);
  });

  it("let an unpruned run continue from the end of a shorter one, and never from beyond a pruned run's first event", async () => {
    const store = tempStore();
    const none = (epochs: number): RunConfig => ({ train: { ...train, epochs }, pruning: { ...pruneFrom(2, 'smallest'), variant: 'none' } });
    expect((await runSharing(none(3), 8, store)).resumedEpochs).toBeUndefined();
    const longer = await runSharing(none(4), 8, store);
    expect(longer.resumedEpochs).toBe(3);
    expect(withoutTimings(longer)).toEqual(withoutTimings(await executeRun({ config: none(4), seed: 8 })));
    const pruned = await runSharing({ train, pruning: pruneFrom(2, 'largest') }, 8, store);
    expect(pruned.resumedEpochs).toBeUndefined();
    expect(
      readdirSync(store.prefixes.dir)
        .map((f) => f.split('.')[1])
        .sort(),
    ).toEqual(['2', '3', '4']);
  });

  it('are used by the scheduler (unless GST_PREFIX_CHECKPOINTS=0), which has the first run of a prefix group store what the others need, without changing any result', async () => {
    const requests = [
      { config: { train, pruning: { ...pruneFrom(2, 'smallest'), variant: 'none' as const } }, seed: 6, label: 'none' },
      ...(['largest', 'smallest'] as const).map((selection) => ({ config: { train, pruning: pruneFrom(2, selection) }, seed: 6, label: selection })),
    ];
    const shared = tempStore();
    const { results: sharedResults } = await runAll(requests, { store: shared, workers: 0 });
    const { results: plainResults } = await runAll(requests, { store: tempStore(), workers: 0, prefixCheckpoints: false });
    // the unpruned run, trained first, stores the checkpoint the pruned runs need
    expect(sharedResults.map((r) => r.resumedEpochs)).toEqual([undefined, 2, 2]);
    expect(sharedResults.map(withoutTimings)).toEqual(plainResults.map(withoutTimings));
    expect(
      readdirSync(shared.prefixes.dir)
        .map((f) => f.split('.')[1])
        .sort(),
    ).toEqual(['2', '4']);
    // the same through a worker process
    const { results: inWorker } = await runAll(requests, { store: tempStore(), workers: 1 });
    expect(inWorker.map((r) => r.resumedEpochs)).toEqual([undefined, 2, 2]);
    expect(inWorker.map(withoutTimings)).toEqual(plainResults.map(withoutTimings));
  });

  it.each([
    ['64 bytes flipped inside the values', (bytes: Buffer) => bytes.map((b, i) => (i >= bytes.length / 2 && i < bytes.length / 2 + 64 ? b ^ 0xff : b))],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100)],
    ['replaced by garbage', () => Buffer.from('garbage')],
    ['of the older layout without a hash', (bytes: Buffer) => Buffer.concat([Buffer.from('GSTCKPT1'), bytes.subarray(8, bytes.length - 32)])],
  ])('that are damaged (%s) are quarantined with one warning and their prefix trained again, to the same bits', async (_, damage) => {
    const store = tempStore();
    const identity = { train, seed: 7, backend: 'wasm' };
    await runSharing({ train, pruning: pruneFrom(2, 'largest') }, 7, store);
    const path = store.prefixes.path(identity, 2);
    writeFileSync(path, damage(readFileSync(path)));
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    const config: RunConfig = { train, pruning: pruneFrom(2, 'smallest') };
    const healed = await runSharing(config, 7, store);
    expect(warnings).toEqual([
      expect.stringMatching(/^run store: checkpoints\/[0-9a-f]{32}\.2\.ckpt is damaged: .*; moved to quarantine\/.*its training prefix will be trained again$/),
    ]);
    expect(healed.resumedEpochs).toBeUndefined();
    expect(withoutTimings(healed)).toEqual(withoutTimings(await executeRun({ config, seed: 7 })));
    expect(readdirSync(join(store.root, 'quarantine'))).toHaveLength(1);
    expect(decodeCheckpoint(readFileSync(path), path).epochsDone).toBe(2); // saved anew, sound
    vi.restoreAllMocks();
  });
});
