import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src/engine/backend/initBackend.js';
import { maxPoolGradConfig } from '../../../../src/engine/kernels/wasm/MaxPoolGrad.js';
import { replacedStockKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { useKernel } from '../../../../src/engine/kernels/util/useKernel.js';
import { hashVariables } from '../../../../src/engine/models/parameterHash.js';
import { tf } from '../../../../src/engine/tf.js';
import { trainRun } from '../../../../src/engine/train/trainRun.js';
import { hostNormal, onBackend } from '../../../support/backends.js';
import { tinyTrainConfig } from '../../../support/tinyTrainConfig.js';

describe('MaxPoolGrad on wasm', () => {
  const poolCase = fc.record({
    batch: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 3, max: 11 }),
    width: fc.integer({ min: 3, max: 11 }),
    channels: fc.integer({ min: 1, max: 5 }),
    filter: fc.integer({ min: 1, max: 3 }),
    stride: fc.integer({ min: 1, max: 3 }),
    pad: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('MaxPoolGrad on wasm equals the cpu kernel exactly for any shape, window 1–3, stride 1–3, same/valid, negative values included', async () => {
    await fc.assert(
      fc.asyncProperty(poolCase, async (c) => {
        const x = hostNormal([c.batch, c.height, c.width, c.channels], c.seed);
        // a distinct weight per output, so that every routed gradient is identifiable
        const weighted = (a: tf.Tensor) => {
          const pooled = tf.maxPool(a as tf.Tensor4D, c.filter, c.stride, c.pad);
          return tf.sum(tf.mul(pooled, tf.reshape(tf.range(1, 1 + pooled.size), pooled.shape)));
        };
        const gradient = (input: tf.Tensor) => tf.grads(weighted)([input]);
        const [cpu] = await onBackend('cpu', [x], gradient);
        const [wasm] = await onBackend('wasm', [x], gradient);
        expect(wasm).toEqual(cpu);
      }),
      { numRuns: 80, seed: 20261128 },
    );
  });

  it('MaxPoolGrad on wasm for 2×2 stride-2 pools (its SIMD path) routes each gradient to the last maximum of its window, ties everywhere', async () => {
    const tiedCase = fc.record({
      batch: fc.integer({ min: 1, max: 2 }),
      height: fc.integer({ min: 2, max: 9 }),
      width: fc.integer({ min: 2, max: 9 }),
      channels: fc.integer({ min: 1, max: 9 }),
      levels: fc.array(fc.constantFrom(-2, -1, 0, 1), { minLength: 1, maxLength: 9 * 9 * 9 * 2 }),
    });
    await fc.assert(
      fc.asyncProperty(tiedCase, async (c) => {
        const [n, h, w, ch] = [c.batch, c.height, c.width, c.channels];
        const values = Float32Array.from({ length: n * h * w * ch }, (_, i) => c.levels[i % c.levels.length]);
        const [oh, ow] = [Math.floor(h / 2), Math.floor(w / 2)];
        const dy = Float32Array.from({ length: n * oh * ow * ch }, (_, i) => i + 1);
        // the documented rule, written out: the last maximum in row-major window order takes the gradient
        const expected = new Float32Array(values.length);
        for (let b = 0; b < n; b++)
          for (let y = 0; y < oh; y++)
            for (let p = 0; p < ow; p++)
              for (let k = 0; k < ch; k++) {
                const window = [0, 1, 2, 3].map((j) => ((b * h + 2 * y + (j >> 1)) * w + 2 * p + (j & 1)) * ch + k);
                const at = window.reduce((best, i) => (values[i] >= values[best] ? i : best));
                expected[at] = dy[((b * oh + y) * ow + p) * ch + k];
              }
        const gradient = (input: tf.Tensor) =>
          tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), tf.tensor(dy, [n, oh, ow, ch]))))([input]);
        const [wasm] = await onBackend('wasm', [{ values, shape: [n, h, w, ch] }], gradient);
        expect([...wasm]).toEqual([...expected]);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('MaxPoolGrad on wasm routes a tie to the last maximum, as the stock kernel, and an all-negative window to its maximum, unlike it', async () => {
    const x = { values: Float32Array.from([1, 3, -4, -2, 3, 0, -3, -5]), shape: [1, 2, 4, 1] };
    const gradient = (input: tf.Tensor) =>
      tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), tf.tensor4d([10, 20], [1, 1, 2, 1]))))([input]);
    const [ours] = await onBackend('wasm', [x], gradient);
    expect([...ours]).toEqual([0, 0, 0, 20, 10, 0, 0, 0]);
    const stock = replacedStockKernels.get('MaxPoolGrad');
    expect(stock).toBeDefined();
    useKernel(stock as tf.KernelConfig);
    try {
      const fromStock = tf.tidy(() => gradient(tf.tensor(x.values, x.shape))[0].dataSync());
      expect(fromStock[4]).toBe(10);
      expect(fromStock[3]).not.toBe(20);
    } finally {
      useKernel(maxPoolGradConfig);
    }
  });

  it('training a VGG-mini (ReLU before every max-pool) gives bit-identical weights with the stock MaxPoolGrad and with ours', async () => {
    await initBackend({ request: 'wasm' });
    const hash = async () => {
      const run = await trainRun({ config: { ...tinyTrainConfig, epochs: 1 }, seed: 4 });
      const h = await hashVariables(run.model.namedVariables());
      run.dispose();
      return h;
    };
    const ours = await hash();
    useKernel(replacedStockKernels.get('MaxPoolGrad') as tf.KernelConfig);
    try {
      expect(await hash()).toBe(ours);
    } finally {
      useKernel(maxPoolGradConfig);
    }
  });
});
