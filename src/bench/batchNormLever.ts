import { initBackend } from '../engine/backend/initBackend.js';
import { batchNormTrain } from '../engine/models/batchNormTrain.js';
import type { ChannelReductions } from '../engine/models/channelReductions.js';
import { tf } from '../engine/tf.js';

/**
 * Milliseconds per train-mode batch-norm forward + backward pass on `shape` with the given channel
 * reductions (the channel-reduction lever of `npm run bench -- --levers`).
 */
export async function batchNormMilliseconds(reductions: ChannelReductions, shape: readonly [number, number, number, number], seconds: number): Promise<number> {
  await initBackend();
  const x = tf.randomNormal([...shape], 0, 1, 'float32', 1) as tf.Tensor4D;
  const weights = tf.randomNormal([...shape], 0, 1, 'float32', 2);
  const gamma = tf.ones([shape[3]]) as tf.Tensor1D;
  const beta = tf.zeros([shape[3]]) as tf.Tensor1D;
  const pass = () =>
    tf.tidy(() => {
      const loss = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(batchNormTrain(a as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5, ({ mean, variance }) => tf.dispose([mean, variance]), reductions), weights));
      tf.grads(loss)([x, gamma, beta]).forEach((g) => g.dataSync());
    });
  pass();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    pass();
    calls += 1;
  }
  const elapsed = performance.now() - start;
  tf.dispose([x, weights, gamma, beta]);
  return elapsed / calls;
}
