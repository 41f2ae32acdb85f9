import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src/engine/backend/initBackend.js';
import { maxPoolGradConfig } from '../../../../src/engine/kernels/wasm/MaxPoolGrad.js';
import { registerWasmKernels, replacedStockKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { useKernel } from '../../../../src/engine/kernels/util/useKernel.js';
import { batchNormTrain } from '../../../../src/engine/models/batchNormTrain.js';
import { hashVariables } from '../../../../src/engine/models/parameterHash.js';
import { tf } from '../../../../src/engine/tf.js';
import { trainRun } from '../../../../src/engine/train/trainRun.js';
import { hostNormal, maxErrorRelativeToScale, maxRelativeError, onBackend } from '../../../support/backends.js';
import { tinyTrainConfig } from '../../../support/tinyTrainConfig.js';

const convFields = {
  batch: fc.integer({ min: 1, max: 3 }),
  height: fc.integer({ min: 5, max: 13 }),
  width: fc.integer({ min: 5, max: 13 }),
  inChannels: fc.integer({ min: 1, max: 5 }),
  outChannels: fc.integer({ min: 1, max: 5 }),
  kernel: fc.constantFrom(1, 3, 5),
  stride: fc.constantFrom(1, 2),
  pad: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
};
const convCase = fc.record(convFields);

/** Gradients of sum(conv(x, w)²) with respect to x (Conv2DBackpropInput) and w (Conv2DBackpropFilter). */
type ConvCase = typeof convCase extends fc.Arbitrary<infer T> ? T : never;

function convGradients(c: ConvCase) {
  return (x: tf.Tensor, w: tf.Tensor) =>
    tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad)).sum())([x, w]);
}

describe('wasm training kernels', () => {
  it('Conv2DBackpropInput and Conv2DBackpropFilter on wasm equal the cpu kernels for any shape, stride 1/2, same/valid, kernel 1/3/5', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, async (c) => {
        fc.pre(c.pad === 'same' || (c.height >= c.kernel && c.width >= c.kernel));
        const x = hostNormal([c.batch, c.height, c.width, c.inChannels], c.seed);
        const w = hostNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], c.seed + 1);
        const [cpuDx, cpuDw] = await onBackend('cpu', [x, w], convGradients(c));
        const [wasmDx, wasmDw] = await onBackend('wasm', [x, w], convGradients(c));
        expect(maxRelativeError(cpuDx, wasmDx)).toBeLessThan(1e-4);
        expect(maxRelativeError(cpuDw, wasmDw)).toBeLessThan(1e-4);
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });

  const wideCase = fc.record({
    ...convFields,
    height: fc.integer({ min: 3, max: 9 }),
    width: fc.integer({ min: 3, max: 9 }),
    inChannels: fc.integer({ min: 1, max: 40 }),
    outChannels: fc.integer({ min: 1, max: 40 }),
  });

  it('Conv2D and both its gradients on wasm equal the cpu kernels with up to 40 channels (every SIMD tile and remainder path)', async () => {
    await fc.assert(
      fc.asyncProperty(wideCase, async (c) => {
        fc.pre(c.pad === 'same' || (c.height >= c.kernel && c.width >= c.kernel));
        const x = hostNormal([c.batch, c.height, c.width, c.inChannels], c.seed);
        const w = hostNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], c.seed + 1);
        const forwardAndGradients = (a: tf.Tensor, b: tf.Tensor) => [tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), ...convGradients(c)(a, b)];
        const cpu = await onBackend('cpu', [x, w], forwardAndGradients);
        const wasm = await onBackend('wasm', [x, w], forwardAndGradients);
        // up to 40 × 25 products per output: rounding is judged against each result's scale (cpu and
        // wasm both differ from a float64 reference by ~1e-6 of it; a wrong tap or channel gives ≥ 1e-2)
        cpu.forEach((expected, i) => expect(maxErrorRelativeToScale(expected, wasm[i])).toBeLessThan(1e-5));
      }),
      { numRuns: 40, seed: 20261130 },
    );
  });

  it('Conv2D and its input gradient on wasm give each image of a batch the same bits as that image alone (pairs across images, odd last image)', async () => {
    await fc.assert(
      fc.asyncProperty(wideCase, fc.integer({ min: 2, max: 5 }), async (c, batch) => {
        fc.pre(c.pad === 'same' || (c.height >= c.kernel && c.width >= c.kernel));
        const x = hostNormal([batch, c.height, c.width, c.inChannels], c.seed);
        const w = hostNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], c.seed + 1);
        const forwardAndInputGradient = (a: tf.Tensor, b: tf.Tensor) => {
          const y = tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad);
          return [y, tf.conv2dTranspose(y, b as tf.Tensor4D, a.shape as [number, number, number, number], c.stride, c.pad)];
        };
        const whole = await onBackend('wasm', [x, w], forwardAndInputGradient);
        const imageSize = x.values.length / batch;
        for (let b = 0; b < batch; b++) {
          const image = { values: x.values.slice(b * imageSize, (b + 1) * imageSize), shape: [1, ...x.shape.slice(1)] };
          const alone = await onBackend('wasm', [image, w], forwardAndInputGradient);
          alone.forEach((values, i) => expect(whole[i].subarray(b * values.length, (b + 1) * values.length)).toEqual(values));
        }
      }),
      { numRuns: 25, seed: 20261201 },
    );
  });

  it('Conv2DBackpropFilter on wasm sums each weight over images, then output rows, then pixels, in order (bit for bit, whatever its row blocks)', async () => {
    await fc.assert(
      fc.asyncProperty(wideCase, async (c) => {
        fc.pre(c.pad === 'same' || (c.height >= c.kernel && c.width >= c.kernel));
        const x = hostNormal([c.batch, c.height, c.width, c.inChannels], c.seed);
        const w = hostNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], c.seed + 1);
        const [oh, ow] = [c.height, c.width].map((size) => (c.pad === 'same' ? Math.ceil(size / c.stride) : Math.floor((size - c.kernel) / c.stride) + 1));
        const dy = hostNormal([c.batch, oh, ow, c.outChannels], c.seed + 2);
        const [dW] = await onBackend('wasm', [x, w, dy], (a, b, d) => [
          tf.grad((filter: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, filter as tf.Tensor4D, c.stride, c.pad), d)))(b),
        ]);
        const [pt, pl] = [
          [c.height, oh],
          [c.width, ow],
        ].map(([size, out]) => (c.pad === 'same' ? Math.floor(Math.max((out - 1) * c.stride + c.kernel - size, 0) / 2) : 0));
        const expected = new Float32Array(dW.length);
        for (let ky = 0; ky < c.kernel; ky++)
          for (let kx = 0; kx < c.kernel; kx++)
            for (let i = 0; i < c.inChannels; i++)
              for (let o = 0; o < c.outChannels; o++) {
                let sum = 0;
                for (let n = 0; n < c.batch; n++)
                  for (let y = 0; y < oh; y++)
                    for (let p = 0; p < ow; p++) {
                      const [iy, ix] = [y * c.stride + ky - pt, p * c.stride + kx - pl];
                      if (iy < 0 || iy >= c.height || ix < 0 || ix >= c.width) continue;
                      const xv = x.values[((n * c.height + iy) * c.width + ix) * c.inChannels + i];
                      sum = Math.fround(sum + Math.fround(xv * dy.values[((n * oh + y) * ow + p) * c.outChannels + o]));
                    }
                expected[((ky * c.kernel + kx) * c.inChannels + i) * c.outChannels + o] = sum;
              }
        expect(dW).toEqual(expected);
      }),
      { numRuns: 30, seed: 20261202 },
    );
  });

  it('a dilated Conv2D on wasm (left to the stock kernel) equals the cpu kernel', async () => {
    const x = hostNormal([2, 9, 9, 3], 21);
    const w = hostNormal([3, 3, 3, 5], 22);
    const dilated = (a: tf.Tensor, b: tf.Tensor) => [tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same', 'NHWC', 2)];
    const [cpu] = await onBackend('cpu', [x, w], dilated);
    const [wasm] = await onBackend('wasm', [x, w], dilated);
    expect(maxErrorRelativeToScale(cpu, wasm)).toBeLessThan(1e-5);
  });

  it('a full VGG-style training gradient (conv, BN, ReLU, max-pool, GAP, dense, softmax) matches cpu on wasm', async () => {
    const x = hostNormal([4, 8, 8, 2], 11);
    const w1 = hostNormal([3, 3, 2, 4], 12);
    const w2 = hostNormal([3, 3, 4, 6], 13);
    const head = hostNormal([6, 3], 14);
    const loss = (input: tf.Tensor, a: tf.Tensor, b: tf.Tensor, h: tf.Tensor) => {
      const block = (t: tf.Tensor4D, k: tf.Tensor) => {
        const y = tf.conv2d(t, k as tf.Tensor4D, 1, 'same');
        const channels = y.shape[3];
        return tf.relu(batchNormTrain(y, tf.fill([channels], 1.5) as tf.Tensor1D, tf.fill([channels], 0.1) as tf.Tensor1D, 1e-5, () => undefined));
      };
      const features = tf.mean(block(tf.maxPool(block(input as tf.Tensor4D, a), 2, 2, 'valid'), b), [1, 2]);
      return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3), tf.matMul(features, h));
    };
    const compute = (...t: tf.Tensor[]) => tf.grads((a: tf.Tensor, b: tf.Tensor, h: tf.Tensor) => loss(t[0], a, b, h))([t[1], t[2], t[3]]);
    const cpu = await onBackend('cpu', [x, w1, w2, head], compute);
    const wasm = await onBackend('wasm', [x, w1, w2, head], compute);
    cpu.forEach((g, i) => expect(maxRelativeError(g, wasm[i])).toBeLessThan(1e-4));
  });

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
  it('Identity and same-dtype Cast on wasm share storage (no copy) and keep values after the source is disposed; other casts convert', async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
    const x = tf.tensor([1.5, -2, 3], [3]);
    const before = tf.memory().numDataBuffers;
    const copies = [tf.clone(x), tf.cast(x, 'float32')];
    expect(tf.memory().numDataBuffers).toBe(before);
    x.dispose();
    for (const c of copies) expect(Array.from(c.dataSync())).toEqual([1.5, -2, 3]);
    const asInt = tf.cast(copies[0], 'int32');
    expect(asInt.dtype).toBe('int32');
    expect(Array.from(asInt.dataSync())).toEqual([1, -2, 3]);
    tf.dispose([...copies, asInt]);
  });
});
