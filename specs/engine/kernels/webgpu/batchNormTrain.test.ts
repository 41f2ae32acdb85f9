import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchNormTrain } from '../../../../src/engine/kernels/kernelNames.js';
import { channelSplit } from '../../../../src/engine/kernels/webgpu/channelSums.js';
import { batchNormTrain, type BatchMoments } from '../../../../src/engine/models/batchNormTrain.js';
import { commitBatchStats, type ConvBnUnit } from '../../../../src/engine/models/convBnUnit.js';
import { tf } from '../../../../src/engine/tf.js';
import { hostNormal, maxErrorRelativeToScale, onBackend, webgpuForTests } from '../../../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu batch-norm tests skipped: ${webgpu.unavailable}`);

interface Case {
  readonly shape: [number, number, number, number];
  readonly relu: boolean;
  readonly seed: number;
}

/** Value, batch moments and ∂x, ∂γ, ∂β of a train-mode batch norm (→ ReLU) weighted by a fixed tensor, on `backend`. */
function batchNormOn(backend: 'cpu' | 'webgpu', c: Case): Promise<Float32Array[]> {
  const channels = c.shape[3];
  const inputs = [hostNormal(c.shape, c.seed), hostNormal([channels], c.seed + 1), hostNormal([channels], c.seed + 2), hostNormal(c.shape, c.seed + 3)];
  return onBackend(backend, inputs, (x, gamma, beta, weight) => {
    const moments: tf.Tensor[] = [];
    const loss = (a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) =>
      tf.sum(
        tf.mul(
          batchNormTrain(a as tf.Tensor4D, s as tf.Tensor1D, o as tf.Tensor1D, 1e-5, (m) => moments.push(m.mean, m.variance), { relu: c.relu }),
          weight,
        ),
      );
    const value = loss(x, gamma, beta);
    return [value, ...moments.slice(0, 2), ...tf.grads(loss)([x, gamma, beta])];
  });
}

async function agrees(c: Case): Promise<void> {
  const expected = await batchNormOn('cpu', c);
  const actual = await batchNormOn('webgpu', c);
  ['value', 'mean', 'variance', '∂x', '∂γ', '∂β'].forEach((what, i) =>
    expect(maxErrorRelativeToScale(expected[i], actual[i]), `${what} of ${JSON.stringify(c)}`).toBeLessThan(1e-4),
  );
}

describe('the split of a channel reduction', () => {
  it('gives ≥ 32,768 invocations where there are enough rows, ≤ 4,096 rows each, and covers every row once', () => {
    expect(channelSplit([128, 32, 32, 64])).toEqual({ rows: 131_072, channels: 64, vectors: 64, splits: 512, rowsPerSplit: 256 });
    expect(channelSplit([128, 2, 2, 512])).toEqual({ rows: 512, channels: 512, vectors: 512, splits: 64, rowsPerSplit: 8 });
    // an ensemble's members are split each as alone
    expect(channelSplit([3 * 128, 2, 2, 512], 3)).toEqual({ rows: 512, channels: 512, vectors: 3 * 512, splits: 64, rowsPerSplit: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1024 }), (rows, channels) => {
        const s = channelSplit([rows, channels]);
        expect(s.rowsPerSplit).toBeLessThanOrEqual(4096);
        expect((s.splits - 1) * s.rowsPerSplit).toBeLessThan(rows);
        expect(s.splits * s.rowsPerSplit).toBeGreaterThanOrEqual(rows);
        expect(s.splits * channels).toBeGreaterThanOrEqual(Math.min(32_768, rows * channels) / 2);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe.skipIf(webgpu.unavailable !== undefined)(`train-mode batch norm on webgpu's own passes (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it('runs the BatchNormTrain kernels', () => {
    for (const name of Object.values(BatchNormTrain)) expect(tf.getKernel(name, 'webgpu'), name).toBeDefined();
  });

  it('equals cpu, with and without ReLU, over shapes of one and of many rows per split', { timeout: 120_000 }, async () => {
    const cases = fc.record({
      shape: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 70 })),
      relu: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1e5 }),
    });
    await fc.assert(fc.asyncProperty(cases, agrees), { numRuns: 12, seed: 77 });
    await agrees({ shape: [4, 32, 32, 64], relu: true, seed: 3 });
    await agrees({ shape: [8, 4, 4, 512], relu: false, seed: 4 });
  });

  it("folds a unit's keep mask into its passes: the bits of γ·mask, β·mask by tfjs ops, with the products in the passes", { timeout: 120_000 }, async () => {
    for (const relu of [true, false]) {
      const shape: Case['shape'] = [2, 6, 6, 24];
      const mask = { values: Float32Array.from({ length: 24 }, (_, c) => (c % 3 === 1 ? 0 : 1)), shape: [24] };
      const inputs = [hostNormal(shape, 21), hostNormal([24], 22), hostNormal([24], 23), hostNormal(shape, 24), mask];
      const run = (folded: boolean) =>
        onBackend('webgpu', inputs, (x, gamma, beta, weight, m) => {
          const loss = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
            const [scale, offset] = folded ? [g, b] : [tf.mul(g, m), tf.mul(b, m)];
            const options = folded ? { relu, mask: m as tf.Tensor1D } : { relu };
            return tf.sum(
              tf.mul(
                batchNormTrain(a as tf.Tensor4D, scale as tf.Tensor1D, offset as tf.Tensor1D, 1e-5, (s) => tf.dispose([s.mean, s.variance]), options),
                weight,
              ),
            );
          };
          return [loss(x, gamma, beta), ...tf.grads(loss)([x, gamma, beta])];
        });
      const count = async (folded: boolean) => {
        const profile = await tf.profile(() => run(folded).then(() => undefined) as never);
        return profile.kernels.filter((k) => k.name === 'Multiply').length;
      };
      const [folded, separate] = [await run(true), await run(false)];
      folded.forEach((f, i) => expect(Buffer.from(separate[i].buffer).equals(Buffer.from(f.buffer)), `output ${i} with relu ${relu}`).toBe(true));
      // a removed channel's γ and β get no gradient (±0)
      expect([...folded[2], ...folded[3]].filter((v, c) => c % 3 === 1 && v !== 0)).toEqual([]);
      const kernels = { folded: await count(true), separate: await count(false) };
      // γ·mask and β·mask in each of the two forward passes (the value, and the one tf.grads takes), their gradients in the backward one
      expect(kernels.separate - kernels.folded, JSON.stringify(kernels)).toBe(6);
    }
  });

  it("normalises an ensemble's members in the same passes, each with the bits of its model alone (mask, running statistics)", { timeout: 60_000 }, async () => {
    const [members, perMember] = [3, [2, 5, 5, 24]];
    const channels = perMember[3];
    const shape = [members * perMember[0], ...perMember.slice(1)];
    const vector = (seed: number, f: (v: number, i: number) => number) => ({
      values: hostNormal([members * channels], seed).values.map(f),
      shape: [members * channels],
    });
    // x, the loss weights; γ, β, each member's keep mask (channel c removed where (c + member) % 3 = 0), running mean and variance
    const inputs = [
      hostNormal(shape, 41),
      hostNormal(shape, 46),
      vector(42, (v) => v),
      vector(43, (v) => v),
      vector(0, (_, i) => (((i % channels) + Math.floor(i / channels)) % 3 === 0 ? 0 : 1)),
      vector(44, (v) => v),
      vector(45, (v) => 1 + v * v),
    ];
    const part = (t: (typeof inputs)[number], r: number) => ({
      values: t.values.slice((r * t.values.length) / members, ((r + 1) * t.values.length) / members),
      shape: [t.shape[0] / members, ...t.shape.slice(1)],
    });
    for (const relu of [true, false]) {
      const run = (tensors: typeof inputs, count: number) =>
        onBackend('webgpu', tensors, (x, weight, gamma, beta, mask, mean, variance) => {
          const moments: BatchMoments[] = [];
          const options = {
            relu,
            members: count,
            mask: mask as tf.Tensor1D,
            running: { mean: mean as tf.Tensor1D, variance: variance as tf.Tensor1D, momentum: 0.1 },
          };
          const f = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
            batchNormTrain(a as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5, (m) => moments.push(m), options);
          const y = f(x, gamma, beta);
          const grads = tf.grads((a, g, b) => tf.sum(tf.mul(f(a, g, b), weight)))([x, gamma, beta]);
          const [first, ...rest] = moments;
          tf.dispose(rest.flatMap((m) => [m.mean, m.variance, m.updated!.mean, m.updated!.variance]));
          return [y, first.mean, first.variance, first.updated!.mean, first.updated!.variance, ...grads];
        });
      const together = await run(inputs, members);
      for (let r = 0; r < members; r++) {
        const alone = await run(
          inputs.map((t) => part(t, r)),
          1,
        );
        alone.forEach((a, i) => {
          const mine = part({ values: together[i], shape: [members] }, r).values;
          expect(Buffer.from(mine.buffer, mine.byteOffset, mine.byteLength).equals(Buffer.from(a.buffer)), `output ${i} of member ${r}, relu ${relu}`).toBe(
            true,
          );
        });
      }
    }
  });

  it('gives the same bits on every call', async () => {
    const c: Case = { shape: [3, 16, 16, 40], relu: true, seed: 9 };
    const first = await batchNormOn('webgpu', c);
    const second = await batchNormOn('webgpu', c);
    first.forEach((f, i) => expect(Buffer.from(second[i].buffer).equals(Buffer.from(f.buffer)), `output ${i}`).toBe(true));
  });

  it("folds the running statistics' update into the mean and variance passes, with the composite update's bits", async () => {
    await tf.setBackend('webgpu');
    const shape = [4, 10, 10, 150];
    const x = tf.tensor4d(hostNormal(shape, 31).values, shape as Case['shape']);
    const running = { mean: tf.randomNormal([150], 0, 1, 'float32', 1) as tf.Tensor1D, variance: tf.randomUniform([150], 0.5, 2, 'float32', 2) as tf.Tensor1D };
    const moments: BatchMoments[] = [];
    tf.dispose(batchNormTrain(x, tf.ones([150]), tf.zeros([150]), 1e-5, (m) => moments.push(m), { running: { ...running, momentum: 0.1 } }));
    const [{ mean, variance, updated }] = moments;
    expect(updated).toBeDefined();
    // the composite update of the same batch moments
    const unit = { runningMean: tf.variable(running.mean), runningVar: tf.variable(running.variance) } as unknown as ConvBnUnit;
    commitBatchStats([{ unit, mean, variance, count: 400 }]);
    const bits = async (t: tf.Tensor) => [...new Uint32Array((await t.data()).buffer)];
    expect(await bits(updated!.mean)).toEqual(await bits(unit.runningMean));
    expect(await bits(updated!.variance)).toEqual(await bits(unit.runningVar));
    tf.dispose([x, running.mean, running.variance, updated!.mean, updated!.variance, unit.runningMean, unit.runningVar]);
  });
});
