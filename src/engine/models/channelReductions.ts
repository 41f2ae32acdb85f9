import { tf } from '../tf.js';

/** Per-channel reductions over N, H, W of an NHWC tensor, as batch normalisation needs them. */
export interface ChannelReductions {
  sum(x: tf.Tensor4D): tf.Tensor1D;
  mean(x: tf.Tensor4D): tf.Tensor1D;
}

/** tfjs' own `sum` and `mean` over axes 0, 1, 2. */
export const tfjsChannelReductions: ChannelReductions = {
  sum: (x) => tf.sum(x, [0, 1, 2]),
  mean: (x) => tf.mean(x, [0, 1, 2]),
};

/**
 * The engine's reductions. On wasm, a sum is a row of ones times the `[N·H·W, C]` matrix:
 * tfjs-backend-wasm reduces leading axes by transposing first, which costs 5–10× more than this
 * matrix-vector product, and the two give bit-identical sums and means (tested). Other backends
 * use {@link tfjsChannelReductions}.
 *
 * @example
 * ```ts
 * channelReductions.sum(tf.ones([2, 3, 3, 4]) as tf.Tensor4D); // [18, 18, 18, 18]
 * ```
 */
export const channelReductions: ChannelReductions = {
  sum(x) {
    if (tf.getBackend() !== 'wasm') return tfjsChannelReductions.sum(x);
    const [n, h, w, c] = x.shape;
    return tf.tidy(() => tf.reshape(tf.matMul(tf.ones([1, n * h * w]), tf.reshape(x, [n * h * w, c])), [c]));
  },
  mean(x) {
    if (tf.getBackend() !== 'wasm') return tfjsChannelReductions.mean(x);
    const [n, h, w] = x.shape;
    return tf.tidy(() => tf.div(channelReductions.sum(x), n * h * w));
  },
};
