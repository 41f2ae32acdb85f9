import { metricRegistry } from '../../src/readings/runMetrics.js';
import { bestInWindow, lastEventEpoch } from '../../src/readings/epochReadings.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { createConvBnUnit } from '../../src/engine/models/convBnUnit.js';
import { createOptimizer } from '../../src/engine/optim/optimizerRegistry.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { tf } from '../../src/engine/tf.js';
import { composeHooks } from '../../src/engine/train/composeHooks.js';
import type { TrainConfig } from '../../src/engine/train/trainConfig.js';
import type { TrainingHooks } from '../../src/engine/train/trainingHooks.js';
import { trainRun } from '../../src/engine/train/trainRun.js';
import { executeRun } from '../../src/run/executeRun.js';
import type { PruningConfig } from '../../src/pruning/pruningConfig.js';
import { createPruning } from '../../src/pruning/createPruning.js';
import type { PerturbationWindow, PrunedLayer, VariantRuntime } from '../../src/pruning/variants/variant.js';
import { variantRegistry } from '../../src/pruning/variants/variantRegistry.js';
import { filterValues, filterWeights } from '../support/filterValues.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

const train: TrainConfig = { ...tinyTrainConfig, data: { ...tinyTrainConfig.data, trainSize: 320 }, epochs: 3 };
const pruneLast: Omit<PruningConfig, 'variant'> = {
  interval: 1,
  score: 'l2',
  selection: 'largest',
  window: 3,
  layers: [
    { layer: 'conv3', fraction: 0.5, start: 0, end: 1 },
    { layer: 'conv4', fraction: 0.5, start: 0, end: 1 },
  ],
};

/** Runs a short training with a pruning variant; `probe` hooks observe the model meanwhile. Returns the run (caller disposes). */
async function trainWith(
  pruning: PruningConfig,
  probe: (controller: ReturnType<typeof createPruning>) => TrainingHooks = () => ({}),
  config: TrainConfig = train,
  seed = 2,
) {
  const controller = createPruning(pruning, { seed });
  const run = await trainRun({ config, seed, hooks: composeHooks(controller.hooks, probe(controller)) });
  return { run, controller };
}

describe('remove', () => {
  it('masked filters output exactly 0 and their weights stay 0 after any number of SGD-momentum or Adam steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<'sgd' | 'adam'>('sgd', 'adam'), fc.integer({ min: 1, max: 3 }), fc.nat(1000), async (optimizer, epochs, seed) => {
        const config: TrainConfig = { ...train, epochs, optimizer: { name: optimizer, learningRate: optimizer === 'sgd' ? 0.05 : 2e-3, momentum: 0.9 } };
        let nonzero = 0;
        const { run, controller } = await trainWith(
          { ...pruneLast, variant: 'remove', layers: [{ layer: 'conv3', fraction: 0.5, start: 0, end: 0 }] },
          (controller) => ({
            observe(unit, output) {
              if (unit.name !== 'conv3' || controller.events().length === 0) return;
              const removed = [...(controller.layers()[0]?.removed ?? [])];
              const values = output.dataSync();
              for (let i = 0; i < values.length; i++) if (removed.includes(i % unit.outChannels) && values[i] !== 0) nonzero += 1;
            },
          }),
          config,
          seed,
        );
        const layer = controller.layers()[0];
        expect(layer.removed.size).toBe(run.model.units.get('conv3')!.outChannels / 2);
        for (const f of layer.removed) expect(filterWeights(layer.unit, f).every((w) => w === 0)).toBe(true);
        expect(nonzero).toBe(0);
        const mask = layer.unit.mask.dataSync();
        for (const f of layer.removed) expect(mask[f]).toBe(0);
        run.dispose();
      }),
      { numRuns: 4, seed: 11 },
    );
  });

  it('records t_pre, t_post and stability per event, and the readings read them', async () => {
    const result = await executeRun({ config: { train, pruning: { ...pruneLast, variant: 'remove' } }, seed: 4 });
    expect(result.events.map((e) => e.epoch)).toEqual([0, 1]);
    for (const e of result.events) {
      expect(e.stability).toBeCloseTo(100 * (1 - (e.tPre - e.tPost) / e.tPre), 10);
      expect(e.layers.map((l) => l.layer)).toEqual(['conv3', 'conv4']);
    }
    expect(metricRegistry.stability(result, { start: 0 })).toBeCloseTo((result.events[0].stability + result.events[1].stability) / 2, 10);
    expect(lastEventEpoch(result.events)).toBe(1);
    expect(bestInWindow(result.epochs, lastEventEpoch(result.events))?.epoch).toBeGreaterThanOrEqual(1);
    expect(result.parameters.remaining).toBeLessThan(result.parameters.total);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('zeroing (prune-resume)', () => {
  it('selected filters are 0 during the window and regrow after it (where the ReLU passes gradient)', async () => {
    const duringWindow: boolean[] = [];
    let selected: number[] = [];
    let batchesSinceEvent = -1;
    const { run } = await trainWith(
      { ...pruneLast, variant: 'zeroing', window: 3, layers: [{ layer: 'conv4', fraction: 0.5, start: 0, end: 0 }] },
      (controller) => ({
        afterEpoch: () => {
          if (batchesSinceEvent < 0) {
            selected = [...controller.events()[0].layers[0].filters];
            batchesSinceEvent = 0;
          }
        },
        beforeBatch: (c) => {
          if (batchesSinceEvent < 0) return;
          batchesSinceEvent += 1;
          const unit = c.model.units.get('conv4')!;
          if (batchesSinceEvent <= 3) duringWindow.push(selected.every((f) => filterWeights(unit, f).every((w) => w === 0)));
        },
      }),
    );
    expect(selected.length).toBeGreaterThan(0);
    expect(duringWindow).toEqual([true, true, true]);
    const unit = run.model.units.get('conv4')!;
    const regrown = selected.filter((f) => filterWeights(unit, f).some((w) => w !== 0));
    expect(regrown.length).toBeGreaterThan(0);
    expect([...unit.mask.dataSync()].every((m) => m === 1)).toBe(true);
    run.dispose();
  });
});

/** A runtime whose windows the test releases by hand. */
function manualRuntime(optimizer: VariantRuntime['optimizer'], window: number) {
  const windows: PerturbationWindow[] = [];
  const runtime: VariantRuntime = { optimizer, seed: 1, rng: new SeededRandom(1), window, openWindow: (w) => windows.push(w) };
  return { runtime, windows };
}

describe('zeroing-restore and gaussian on one unit', async () => {
  await initBackend({ request: 'wasm' });
  const makeLayer = (): PrunedLayer => {
    const unit = createConvBnUnit({ name: 'conv9', scope: `variant-test-${Math.random()}`, inChannels: 2, outChannels: 6, seed: 3 });
    tf.tidy(() => {
      unit.runningMean.assign(tf.randomNormal([6], 0, 1, 'float32', 1));
      unit.runningVar.assign(tf.randomUniform([6], 0.5, 2, 'float32', 2));
      unit.gamma.assign(tf.randomUniform([6], 0.5, 2, 'float32', 3));
      unit.beta.assign(tf.randomNormal([6], 0, 1, 'float32', 4));
    });
    return { unit, events: [], removed: new Set(), selectedSoFar: new Set() };
  };

  it('zeroing-restore zeroes every filter selected so far with its γ/β and restores the stored values bit for bit, also across overlapping windows', async () => {
    const layer = makeLayer();
    const optimizer = createOptimizer([layer.unit.kernel, layer.unit.gamma, layer.unit.beta], { name: 'adam', learningRate: 1e-3 });
    const { runtime, windows } = manualRuntime(optimizer, 5);
    const before = [0, 1, 2, 3, 4, 5].map((f) => filterValues(layer.unit, f));
    const variant = variantRegistry['zeroing-restore'];
    await variant.apply(layer, [1, 4], runtime);
    expect(filterWeights(layer.unit, 1).every((w) => w === 0)).toBe(true);
    expect(layer.unit.gamma.dataSync()[4]).toBe(0);
    // something changes the held filters' running stats meanwhile; a second event overlaps the window
    tf.tidy(() => layer.unit.runningMean.assign(tf.add(layer.unit.runningMean, 1)));
    const afterDrift = filterValues(layer.unit, 2);
    await variant.apply(layer, [2], runtime);
    await windows[0].release(); // superseded by the second window: must not restore yet
    expect(filterWeights(layer.unit, 2).every((w) => w === 0)).toBe(true);
    await windows[1].release();
    expect(filterValues(layer.unit, 1)).toEqual(before[1]);
    expect(filterValues(layer.unit, 4)).toEqual(before[4]);
    expect(filterValues(layer.unit, 2)).toEqual(afterDrift);
    expect([...layer.unit.mask.dataSync()]).toEqual([1, 1, 1, 1, 1, 1]);
    optimizer.dispose();
  });

  it('gaussian changes only the targeted filters, at the event and before each batch of its window', async () => {
    const layer = makeLayer();
    const optimizer = createOptimizer([layer.unit.kernel], { name: 'sgd', learningRate: 0.1 });
    const { runtime, windows } = manualRuntime(optimizer, 2);
    const before = [0, 1, 2, 3, 4, 5].map((f) => filterValues(layer.unit, f));
    await variantRegistry.gaussian.apply(layer, [0, 3], runtime);
    const afterEvent = [0, 1, 2, 3, 4, 5].map((f) => filterValues(layer.unit, f));
    await windows[0].beforeBatch?.();
    const afterBatch = [0, 1, 2, 3, 4, 5].map((f) => filterValues(layer.unit, f));
    for (const f of [1, 2, 4, 5]) {
      expect(afterEvent[f]).toEqual(before[f]);
      expect(afterBatch[f]).toEqual(before[f]);
    }
    for (const f of [0, 3]) {
      expect(afterEvent[f]).not.toEqual(before[f]);
      expect(afterBatch[f]).not.toEqual(afterEvent[f]);
    }
    expect([...layer.unit.mask.dataSync()]).toEqual([1, 1, 1, 1, 1, 1]);
    optimizer.dispose();
  });
});

describe('scratch and none', () => {
  it('scratch has the final kept counts from epoch 0, no events, stability 100', async () => {
    const kept: number[][] = [];
    const { run, controller } = await trainWith({ ...pruneLast, variant: 'scratch' }, () => ({
      afterBatch: (c) =>
        void (c.step === 1 && kept.push(['conv3', 'conv4'].map((n) => [...c.model.units.get(n)!.mask.dataSync()].filter((m) => m === 1).length))),
    }));
    const widths = ['conv3', 'conv4'].map((n) => run.model.units.get(n)!.outChannels);
    expect(kept[0]).toEqual(widths.map((w) => Math.ceil(0.5 * w)));
    expect(controller.events()).toHaveLength(0);
    run.dispose();
    const result = await executeRun({ config: { train: { ...train, epochs: 1 }, pruning: { ...pruneLast, variant: 'scratch' } }, seed: 1 });
    expect(metricRegistry.stability(result, { start: 0 })).toBe(100);
  });
});

describe('pruning config errors name the field and the allowed values', () => {
  // configs arrive as JSON: names outside the registries are what these checks are for
  const cases: [string, Partial<Record<keyof PruningConfig, unknown>>, RegExp][] = [
    [
      'unknown layer',
      { variant: 'remove', layers: [{ layer: 'conv9', fraction: 0.5, start: 0, end: 1 }] },
      /pruning\.layers\[0\]\.layer: "conv9".*vgg-mini has: conv0, conv1, conv2, conv3, conv4/,
    ],
    ['unknown variant', { variant: 'shrink' }, /pruning\.variant: "shrink".*allowed: none, remove, zeroing, zeroing-restore, gaussian, scratch/],
    ['unknown score', { variant: 'remove', score: 'taylor' }, /pruning\.score: "taylor".*allowed: l2, l1, activations, ebn, l2-bn/],
    ['unknown selection', { variant: 'remove', selection: 'median' }, /pruning\.selection: "median".*allowed: smallest, largest, random/],
    ['missing window', { variant: 'zeroing', window: undefined }, /pruning\.window: undefined.*zeroing.*integer ≥ 1/],
    ['start after end', { variant: 'remove', layers: [{ layer: 'conv3', fraction: 0.5, start: 2, end: 1 }] }, /end: 1 is not allowed/],
    ['fraction of 1', { variant: 'remove', layers: [{ layer: 'conv3', fraction: 1, start: 0, end: 1 }] }, /fraction: 1 is not allowed/],
    ['r below 1', { variant: 'remove', interval: 0 }, /interval: 0 is not allowed/],
  ];
  for (const [what, patch, message] of cases) {
    it(what, async () => {
      await expect(trainWith({ ...pruneLast, variant: 'remove', ...patch } as PruningConfig)).rejects.toThrow(message);
    });
  }
});
