import { tf } from '../tf.js';

/**
 * Per-channel sum over N, H, W of an NHWC tensor. On wasm it is a row of ones times the
 * `[N·H·W, C]` matrix: tfjs-backend-wasm reduces leading axes by transposing first, which costs
 * 5–10× more than this matrix-vector product, and the two give bit-identical sums (tested).
 * Other backends use their own reduction.
 *
 * @example
 * ```ts
 * channelSum(tf.ones([2, 3, 3, 4]) as tf.Tensor4D); // [18, 18, 18, 18]
 * ```
 */
export function channelSum(x: tf.Tensor4D): tf.Tensor1D {
  if (tf.getBackend() !== 'wasm') return tf.sum(x, [0, 1, 2]);
  const [n, h, w, c] = x.shape;
  return tf.tidy(() => tf.reshape(tf.matMul(tf.ones([1, n * h * w]), tf.reshape(x, [n * h * w, c])), [c]));
}

/** Per-channel mean over N, H, W: {@link channelSum} divided by N·H·W, as tfjs' own mean (bit-identical on wasm, tested). */
export function channelMean(x: tf.Tensor4D): tf.Tensor1D {
  if (tf.getBackend() !== 'wasm') return tf.mean(x, [0, 1, 2]);
  const [n, h, w] = x.shape;
  return tf.div(channelSum(x), n * h * w);
}
