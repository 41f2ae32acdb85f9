import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { buildModel, type ModelConfig } from '../../src/engine/models/modelRegistry.js';
import { createOptimizer } from '../../src/engine/optim/optimizerRegistry.js';
import { tf } from '../../src/engine/tf.js';
import { trainStep, type StepResult } from '../../src/engine/train/trainStep.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { webgpuForTests } from '../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu ensemble training tests skipped: ${webgpu.unavailable}`);

const shape = [16, 16, 1] as const;
const batch = 4;
const image = shape[0] * shape[1] * shape[2];

/** Member `seed`'s batch of step `step`: its own data, as a run of that seed would draw it. */
function batchOf(seed: number, step: number): { x: Float32Array; y: Int32Array } {
  const rng = new SeededRandom(1000 * seed + step);
  return { x: Float32Array.from({ length: batch * image }, () => rng.normal()), y: Int32Array.from({ length: batch }, () => rng.int(10)) };
}

/** Every variable's bits after `steps` Adam steps, and the steps' results: per seed, whether trained alone or as one ensemble. */
async function train(model: ModelConfig, seeds: readonly number[], together: boolean, steps = 2): Promise<{ bits: Uint32Array[][]; results: StepResult[][] }> {
  const groups = together ? [seeds] : seeds.map((s) => [s]);
  const bits: Uint32Array[][] = seeds.map(() => []);
  const results: StepResult[][] = seeds.map(() => []);
  for (const group of groups) {
    const net = buildModel(model, { inputShape: shape, numClasses: 10, seed: together ? group : group[0] });
    // each seed prunes other filters: channel c of every unit removed where (c + seed) % 3 = 0
    for (const unit of net.units.values()) {
      const masks = group.map((s) => Array.from({ length: unit.outChannels }, (_, c) => ((c + s) % 3 === 0 ? 0 : 1)));
      unit.mask.assign(tf.tensor(together ? masks : masks[0], unit.mask.shape));
    }
    const optimizer = createOptimizer(net.trainableVariables(), { name: 'adam', learningRate: 1e-2 });
    for (let step = 0; step < steps; step++) {
      const batches = group.map((s) => batchOf(s, step));
      const x = Float32Array.from(batches.flatMap((b) => [...b.x]));
      const y = Int32Array.from(batches.flatMap((b) => [...b.y]));
      const result = await trainStep({ model: net, optimizer, x, y, shape, learningRate: 1e-2 });
      (result.members ?? [result]).forEach((m, i) => results[seeds.indexOf(group[i])].push({ loss: m.loss, correct: m.correct }));
    }
    for (const [, v] of net.namedVariables()) {
      const values = await v.data();
      group.forEach((s, i) =>
        bits[seeds.indexOf(s)].push(new Uint32Array(values.slice((i * values.length) / group.length, ((i + 1) * values.length) / group.length).buffer)),
      );
    }
    net.dispose();
    optimizer.dispose();
  }
  return { bits, results };
}

async function togetherEqualsAlone(model: ModelConfig, seeds: readonly number[]): Promise<void> {
  const alone = await train(model, seeds, false);
  const together = await train(model, seeds, true);
  expect(together.results).toEqual(alone.results);
  seeds.forEach((s, r) => alone.bits[r].forEach((b, i) => expect([...together.bits[r][i]], `seed ${s}, variable ${i}`).toEqual([...b])));
}

const vggMini: ModelConfig = { name: 'vgg-mini', widthMultiplier: 0.5 };
const resnet: ModelConfig = { name: 'resnet18', widthMultiplier: 0.125, blocksPerStage: [1, 1] };

describe('seeds trained together as one ensemble', () => {
  it(
    'give each seed the bits of its run alone on wasm, with its own pruned filters: VGG (pools) and ResNet (shortcuts, the masked sum)',
    { timeout: 120_000 },
    async () => {
      await initBackend({ request: 'wasm' });
      await togetherEqualsAlone(vggMini, [3, 8, 21]);
      await togetherEqualsAlone(resnet, [3, 8]);
      await togetherEqualsAlone(vggMini, [5]);
    },
  );

  it.skipIf(webgpu.unavailable !== undefined)(
    `give each seed the bits of its run alone on webgpu (${webgpu.adapter?.device ?? 'no adapter'})`,
    { timeout: 240_000 },
    async () => {
      await tf.setBackend('webgpu');
      await togetherEqualsAlone(vggMini, [3, 8, 21]);
      await togetherEqualsAlone(resnet, [3, 8]);
    },
  );

  it('refuse eval mode and observers with a message that says what to do', async () => {
    await initBackend({ request: 'wasm' });
    const net = buildModel(vggMini, { inputShape: shape, numClasses: 10, seed: [1, 2] });
    const x = tf.zeros([4, ...shape]) as tf.Tensor4D;
    expect(() => net.forward(x, { inference: true })).toThrow(/ensemble's, which trains without observers; evaluate or observe its members alone/);
    expect(() => net.forward(x)).toThrow(/ensemble's, which trains only \(pass pending\)/);
    tf.dispose(x);
    net.dispose();
  });
});
