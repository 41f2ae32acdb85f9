import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useKernel } from '../../../../src/engine/kernels/util/useKernel.js';
import { maxPoolGradConfig } from '../../../../src/engine/kernels/webgpu/MaxPoolGrad.js';
import { replacedStockWebgpuKernels } from '../../../../src/engine/kernels/webgpu/registerWebgpuKernels.js';
import { tf } from '../../../../src/engine/tf.js';
import { SeededRandom } from '../../../../src/primitives/seededRandom.js';
import { onBackend, webgpuForTests, type HostTensor } from '../../../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu MaxPoolGrad tests skipped: ${webgpu.unavailable}`);

/** Values from a few integers, so that windows often tie (and are often all negative), and a NaN now and then. */
function tieingValues(shape: number[], seed: number): HostTensor {
  const rng = new SeededRandom(seed);
  const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng.int(40) === 0 ? NaN : rng.int(5) - 3));
  return { values, shape };
}

const pools = fc.record({
  n: fc.integer({ min: 1, max: 2 }),
  h: fc.integer({ min: 1, max: 9 }),
  w: fc.integer({ min: 1, max: 9 }),
  c: fc.integer({ min: 1, max: 5 }),
  filter: fc.integer({ min: 1, max: 3 }),
  stride: fc.integer({ min: 1, max: 3 }),
  pad: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
  seed: fc.nat(1e5),
});

describe.skipIf(webgpu.unavailable !== undefined)(`MaxPoolGrad on webgpu (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it("gives the stock kernel's bits in one dispatch: ties, all-negative windows, NaN, overlapping windows, padding", { timeout: 120_000 }, async () => {
    const stock = replacedStockWebgpuKernels.get('MaxPoolGrad');
    expect(stock).toBeDefined();
    const gradients = async (pool: { filter: number; stride: number; pad: 'same' | 'valid' }, x: HostTensor) => {
      const { filter, stride, pad } = pool;
      const y = tf.tidy(() => tf.maxPool(tf.tensor4d(x.values, x.shape as [number, number, number, number]), filter, stride, pad).shape);
      const dy = tieingValues(y, 7);
      const run = () =>
        onBackend('webgpu', [x, dy], (a, g) => tf.grads((b: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(b as tf.Tensor4D, filter, stride, pad), g)))([a]));
      const [ours] = await run();
      useKernel(stock as tf.KernelConfig);
      try {
        const [fromStock] = await run();
        return { ours, fromStock };
      } finally {
        useKernel(maxPoolGradConfig);
      }
    };
    await fc.assert(
      fc.asyncProperty(pools, async (p) => {
        fc.pre(p.pad === 'same' || (p.h >= p.filter && p.w >= p.filter));
        const { ours, fromStock } = await gradients(p, tieingValues([p.n, p.h, p.w, p.c], p.seed));
        expect(Buffer.from(ours.buffer).equals(Buffer.from(fromStock.buffer)), JSON.stringify(p)).toBe(true);
      }),
      { numRuns: 40, seed: 20261205 },
    );
    // VGG's pool at one of its layer shapes, at batch 2
    const { ours, fromStock } = await gradients({ filter: 2, stride: 2, pad: 'valid' }, tieingValues([2, 16, 16, 128], 3));
    expect(Buffer.from(ours.buffer).equals(Buffer.from(fromStock.buffer))).toBe(true);
  });

  it('equals cpu where no window ties', async () => {
    const x = { values: Float32Array.from({ length: 2 * 6 * 6 * 3 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453), shape: [2, 6, 6, 3] };
    const gradient = (a: tf.Tensor) => tf.grads((b: tf.Tensor) => tf.sum(tf.square(tf.maxPool(b as tf.Tensor4D, 3, 2, 'same'))))([a]);
    const [cpu] = await onBackend('cpu', [x], gradient);
    const [gpu] = await onBackend('webgpu', [x], gradient);
    expect([...gpu]).toEqual([...cpu]);
  });
});
