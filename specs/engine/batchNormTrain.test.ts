import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchNormTrain } from '../../src/engine/models/batchNormTrain.js';
import { channelMean, channelSum } from '../../src/engine/models/channelReductions.js';
import { tf } from '../../src/engine/tf.js';
import { hostNormal, maxRelativeError, onBackend } from '../support/backends.js';

describe('batchNormTrain', () => {
  it('value and gradients (x, γ, β) equal tfjs moments + batchNorm autodiff for any shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ n: fc.integer({ min: 2, max: 4 }), h: fc.integer({ min: 1, max: 5 }), c: fc.integer({ min: 1, max: 4 }), seed: fc.nat(100000) }),
        async ({ n, h, c, seed }) => {
          const x = hostNormal([n, h, h + 1, c], seed);
          const g = hostNormal([c], seed + 1);
          const b = hostNormal([c], seed + 2);
          const weights = hostNormal([n, h, h + 1, c], seed + 3);
          const reference = (xi: tf.Tensor, gi: tf.Tensor, bi: tf.Tensor, wi: tf.Tensor) => {
            const f = (a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) => {
              const { mean, variance } = tf.moments(a, [0, 1, 2]);
              return tf.sum(tf.mul(tf.batchNorm(a, mean, variance, o as tf.Tensor1D, s as tf.Tensor1D, 1e-5), wi));
            };
            return [f(xi, gi, bi), ...tf.grads(f)([xi, gi, bi])];
          };
          const ours = (xi: tf.Tensor, gi: tf.Tensor, bi: tf.Tensor, wi: tf.Tensor) => {
            const f = (a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) =>
              tf.sum(tf.mul(batchNormTrain(a as tf.Tensor4D, s as tf.Tensor1D, o as tf.Tensor1D, 1e-5, ({ mean, variance }) => {
                mean.dispose();
                variance.dispose();
              }), wi));
            return [f(xi, gi, bi), ...tf.grads(f)([xi, gi, bi])];
          };
          const expected = await onBackend('cpu', [x, g, b, weights], reference);
          const actual = await onBackend('cpu', [x, g, b, weights], ours);
          expected.forEach((e, i) => expect(maxRelativeError(e, actual[i])).toBeLessThan(2e-4));
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  const shapes = fc.record({ n: fc.integer({ min: 1, max: 300 }), h: fc.integer({ min: 1, max: 9 }), c: fc.integer({ min: 1, max: 40 }), seed: fc.nat(100000) });

  it('channel sums and means on wasm are bit-identical to tfjs sum and mean over N, H, W, for any shape', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async ({ n, h, c, seed }) => {
        const x = hostNormal([n, h, h, c], seed);
        const both = (t: tf.Tensor) => [tf.sum(t, [0, 1, 2]), channelSum(t as tf.Tensor4D), tf.mean(t, [0, 1, 2]), channelMean(t as tf.Tensor4D)];
        const [sum, ourSum, mean, ourMean] = await onBackend('wasm', [x], both);
        expect(ourSum).toEqual(sum);
        expect(ourMean).toEqual(mean);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('on wasm, value and gradients are bit-identical to the same closed form with tf.moments and tf.sum (the previous engine path)', async () => {
    const previous = (x: tf.Tensor4D, scale: tf.Tensor1D, offset: tf.Tensor1D) =>
      tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
        const [xIn, s, o] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
        const count = xIn.shape[0] * xIn.shape[1] * xIn.shape[2];
        const { mean, variance } = tf.moments(xIn, [0, 1, 2]);
        const invStd = tf.rsqrt(tf.add(variance, 1e-5));
        const xHat = tf.mul(tf.sub(xIn, mean), invStd);
        (args[3] as tf.GradSaveFunc)([xHat, invStd, s]);
        return {
          value: tf.add(tf.mul(xHat, s), o),
          gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
            const [xHat, invStd, s] = saved;
            const dBeta = tf.sum(dy, [0, 1, 2]);
            const dGamma = tf.sum(tf.mul(dy, xHat), [0, 1, 2]);
            const centred = tf.sub(tf.sub(dy, tf.div(dBeta, count)), tf.mul(xHat, tf.div(dGamma, count)));
            return [tf.mul(centred, tf.mul(s, invStd)), dGamma, dBeta];
          },
        };
      })(x, scale, offset);
    await fc.assert(
      fc.asyncProperty(shapes, async ({ n, h, c, seed }) => {
        const inputs = [hostNormal([n, h, h, c], seed), hostNormal([c], seed + 1), hostNormal([c], seed + 2), hostNormal([n, h, h, c], seed + 3)];
        const run = (bn: (x: tf.Tensor4D, s: tf.Tensor1D, o: tf.Tensor1D) => tf.Tensor) => (xi: tf.Tensor, gi: tf.Tensor, bi: tf.Tensor, wi: tf.Tensor) => {
          const f = (a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) => tf.sum(tf.mul(bn(a as tf.Tensor4D, s as tf.Tensor1D, o as tf.Tensor1D), wi));
          return [f(xi, gi, bi), ...tf.grads(f)([xi, gi, bi])];
        };
        const ours = (x: tf.Tensor4D, s: tf.Tensor1D, o: tf.Tensor1D) =>
          batchNormTrain(x, s, o, 1e-5, ({ mean, variance }) => {
            mean.dispose();
            variance.dispose();
          });
        const expected = await onBackend('wasm', inputs, run(previous));
        const actual = await onBackend('wasm', inputs, run(ours));
        actual.forEach((a, i) => expect(a).toEqual(expected[i]));
      }),
      { numRuns: 30, seed: 12 },
    );
  });
});
