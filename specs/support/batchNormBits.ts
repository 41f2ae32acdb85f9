import fc from 'fast-check';
import { batchNormTrain } from '../../src/engine/models/batchNormTrain.js';
import { tf } from '../../src/engine/tf.js';
import { tensorBits as bits } from './tensorBits.js';

/** Value, gradients of x, γ, β and the batch moments of batch norm (→ ReLU), as bits. */
export function batchNormBits(c: { n: number; h: number; w: number; channels: number; relu: boolean; seed: number }): number[][] {
  return tf.tidy(() => {
    const shape = [c.n, c.h, c.w, c.channels];
    const x = tf.randomNormal(shape, 0.3, 2, 'float32', c.seed);
    // removed channels: γ·0 and β·0 are −0 where γ or β < 0
    const mask = tf.cast(tf.greater(tf.randomUniform([c.channels], 0, 1, 'float32', c.seed + 1), 0.3), 'float32');
    const gamma = tf.mul(tf.randomNormal([c.channels], 1, 0.6, 'float32', c.seed + 2), mask);
    const beta = tf.mul(tf.randomNormal([c.channels], 0, 0.5, 'float32', c.seed + 3), mask);
    const dy = tf.randomNormal(shape, 0, 1, 'float32', c.seed + 4);
    const moments: tf.Tensor[] = [];
    const norm = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      batchNormTrain(a as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5, (m) => moments.push(m.mean, m.variance), { relu: c.relu });
    const value = norm(x, gamma, beta);
    const grads = tf.grads((a, g, b) => tf.sum(tf.mul(norm(a, g, b), dy)))([x, gamma, beta]);
    const out = [value, ...grads, ...moments].map(bits);
    tf.dispose(moments);
    return out;
  });
}

/** Shapes of batch-norm cases up to 40 channels (every SIMD width and remainder) and 144 pixels an image (every group of 7 of the pools), with and without ReLU, and seeds. */
export const batchNormCases = fc.record({
  n: fc.integer({ min: 1, max: 4 }),
  h: fc.integer({ min: 1, max: 12 }),
  w: fc.integer({ min: 1, max: 12 }),
  channels: fc.integer({ min: 1, max: 40 }),
  relu: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});
