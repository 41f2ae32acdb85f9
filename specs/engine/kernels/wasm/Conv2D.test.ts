import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tf } from '../../../../src/engine/tf.js';
import { hostNormal, maxErrorRelativeToScale, maxRelativeError, onBackend } from '../../../support/backends.js';
import { convCases, type ConvCase } from '../../../support/convCases.js';

const convCase = convCases({ batch: 3, height: [5, 13], channels: 5 });

/** Gradients of sum(conv(x, w)²) with respect to x (Conv2DBackpropInput) and w (Conv2DBackpropFilter). */
function convGradients(c: ConvCase) {
  return (x: tf.Tensor, w: tf.Tensor) =>
    tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad)).sum())([x, w]);
}

describe('Conv2D and its gradients on wasm', () => {
  it('Conv2DBackpropInput and Conv2DBackpropFilter on wasm equal the cpu kernels for any shape, stride 1/2, same/valid, kernel 1/3/5', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, async (c) => {
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

  const wideCase = convCases({ batch: 3, height: [3, 9], channels: 40 });

  it('Conv2D and both its gradients on wasm equal the cpu kernels with up to 40 channels (every SIMD tile and remainder path)', async () => {
    await fc.assert(
      fc.asyncProperty(wideCase, async (c) => {
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

  it('a dilated Conv2D on wasm (left to the stock kernel) equals the cpu kernel', async () => {
    const x = hostNormal([2, 9, 9, 3], 21);
    const w = hostNormal([3, 3, 3, 5], 22);
    const dilated = (a: tf.Tensor, b: tf.Tensor) => [tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same', 'NHWC', 2)];
    const [cpu] = await onBackend('cpu', [x, w], dilated);
    const [wasm] = await onBackend('wasm', [x, w], dilated);
    expect(maxErrorRelativeToScale(cpu, wasm)).toBeLessThan(1e-5);
  });
});
