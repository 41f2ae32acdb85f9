import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchNormTrain } from '../../src/engine/models/batchNormTrain.js';
import { tf } from '../../src/engine/tf.js';
import { hostNormal, maxRelativeError, onBackend } from '../support/backends.js';

describe('batchNormTrain', () => {
  it('value and gradients (x, γ, β) equal tfjs moments + batchNorm autodiff for any shape (cpu and wasm)', async () => {
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
          for (const backend of ['cpu', 'wasm'] as const) {
            const expected = await onBackend(backend, [x, g, b, weights], reference);
            const actual = await onBackend(backend, [x, g, b, weights], ours);
            expected.forEach((e, i) => expect(maxRelativeError(e, actual[i])).toBeLessThan(2e-4));
          }
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });
});
