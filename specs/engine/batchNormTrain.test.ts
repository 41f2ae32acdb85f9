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
              tf.sum(
                tf.mul(
                  batchNormTrain(a as tf.Tensor4D, s as tf.Tensor1D, o as tf.Tensor1D, 1e-5, ({ mean, variance }) => {
                    mean.dispose();
                    variance.dispose();
                  }),
                  wi,
                ),
              );
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
  it('training a conv-BN-ReLU net for 10 SGD steps changes the weights as tfjs moments + batchNorm autodiff does, within float tolerance (wasm)', async () => {
    const inputs = [hostNormal([16, 8, 8, 2], 1), hostNormal([3, 3, 2, 6], 2), hostNormal([3, 3, 6, 8], 3), hostNormal([8, 3], 4)];
    const labels = Array.from({ length: 16 }, (_, i) => i % 3);
    type Norm = (y: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D) => tf.Tensor4D;
    const ours: Norm = (y, g, b) =>
      batchNormTrain(y, g, b, 1e-5, ({ mean, variance }) => {
        mean.dispose();
        variance.dispose();
      });
    const reference: Norm = (y, g, b) => {
      const { mean, variance } = tf.moments(y, [0, 1, 2]);
      return tf.batchNorm(y, mean, variance, b, g, 1e-5) as tf.Tensor4D;
    };
    const train =
      (norm: Norm) =>
      (x: tf.Tensor, ...init: tf.Tensor[]) => {
        const weights = init.map((t) => tf.variable(t));
        const gammas = [6, 8].map((c) => tf.variable(tf.fill([c], 1.2)));
        const betas = [6, 8].map((c) => tf.variable(tf.fill([c], 0.1)));
        const optimizer = tf.train.sgd(0.1);
        for (let step = 0; step < 10; step++) {
          optimizer.minimize(() => {
            let h = x as tf.Tensor4D;
            for (let layer = 0; layer < 2; layer++)
              h = tf.relu(norm(tf.conv2d(h, weights[layer] as tf.Tensor4D, 1, 'same'), gammas[layer] as tf.Tensor1D, betas[layer] as tf.Tensor1D));
            const logits = tf.matMul(tf.mean(h, [1, 2]) as tf.Tensor2D, weights[2] as tf.Tensor2D);
            return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), logits) as tf.Scalar;
          });
        }
        const trained = [...weights, ...gammas, ...betas];
        const values = trained.map((v) => v.clone());
        tf.dispose(trained);
        optimizer.dispose();
        return values;
      };
    const expected = await onBackend('wasm', inputs, train(reference));
    const actual = await onBackend('wasm', inputs, train(ours));
    // compare what training changed (trained − initial), relative to the largest change of each tensor
    const initial = [
      ...inputs.slice(1).map((t) => t.values),
      ...[6, 8].map((c) => new Float32Array(c).fill(1.2)),
      ...[6, 8].map((c) => new Float32Array(c).fill(0.1)),
    ];
    const updateError = (i: number) => {
      const scale = Math.max(...expected[i].map((v, j) => Math.abs(v - initial[i][j])));
      return Math.max(...expected[i].map((v, j) => Math.abs(v - initial[i][j] - (actual[i][j] - initial[i][j])))) / scale;
    };
    const errors = expected.map((_, i) => updateError(i));
    // measured up to 5e-5 (float rounding through 10 steps); a wrong gradient term gives O(1)
    expect(Math.max(...errors)).toBeLessThan(1e-3);
  });
});
