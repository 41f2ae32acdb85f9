import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchNormInference } from '../../src/engine/models/batchNormInference.js';
import { tf } from '../../src/engine/tf.js';
import { type HostTensor, hostNormal, maxRelativeError, onBackend } from '../support/backends.js';

/** `Σ BN(x)·w` and its gradients in x, γ, β, with BN by `norm` over fixed statistics. */
function lossAndGrads(norm: typeof batchNormInference) {
  return (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, w: tf.Tensor) => {
    const f = (a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) =>
      tf.sum(tf.mul(norm(a as tf.Tensor4D, mean as tf.Tensor1D, tf.abs(variance) as tf.Tensor1D, o as tf.Tensor1D, s as tf.Tensor1D, 1e-5), w));
    return [
      norm(x as tf.Tensor4D, mean as tf.Tensor1D, tf.abs(variance) as tf.Tensor1D, beta as tf.Tensor1D, gamma as tf.Tensor1D, 1e-5),
      ...tf.grads(f)([x, gamma, beta]),
    ];
  };
}

const tfjsBatchNorm: typeof batchNormInference = (x, mean, variance, offset, scale, epsilon) => tf.batchNorm(x, mean, variance, offset, scale, epsilon);

describe('batchNormInference', () => {
  it('equals tf.batchNorm forward within float rounding (cpu and wasm), and its autodiff gradients (x, γ, β)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ n: fc.integer({ min: 1, max: 4 }), h: fc.integer({ min: 1, max: 5 }), c: fc.integer({ min: 1, max: 4 }), seed: fc.nat(100000) }),
        async ({ n, h, c, seed }) => {
          const inputs: HostTensor[] = [[n, h, h + 1, c], [c], [c], [c], [c], [n, h, h + 1, c]].map((shape, i) => hostNormal(shape, seed + i));
          for (const backend of ['cpu', 'wasm'] as const) {
            const expected = await onBackend(backend, inputs, lossAndGrads(tfjsBatchNorm));
            const actual = await onBackend(backend, inputs, lossAndGrads(batchNormInference));
            expect(maxRelativeError(expected[0], actual[0])).toBeLessThan(1e-6);
            expected.slice(1).forEach((e, i) => expect(maxRelativeError(e, actual[i + 1])).toBeLessThan(2e-4));
          }
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });

  it('leaves no tensors behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const [x, mean, variance, gamma, beta] = [[2, 3, 3, 2], [2], [2], [2], [2]].map((s, i) => tf.tensor(hostNormal(s, i).values, s));
    const grads = tf.grads((a: tf.Tensor, g: tf.Tensor) =>
      tf.sum(batchNormInference(a as tf.Tensor4D, mean as tf.Tensor1D, tf.abs(variance) as tf.Tensor1D, beta as tf.Tensor1D, g as tf.Tensor1D, 1e-5)),
    )([x, gamma]);
    tf.dispose([...grads, x, mean, variance, gamma, beta]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
