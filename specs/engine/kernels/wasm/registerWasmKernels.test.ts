import { describe, expect, it } from 'vitest';
import { batchNormTrain } from '../../../../src/engine/models/batchNormTrain.js';
import { tf } from '../../../../src/engine/tf.js';
import { hostNormal, maxRelativeError, onBackend } from '../../../support/backends.js';

describe('the wasm kernels together', () => {
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
});
