import { tf } from '../tf.js';

/**
 * Per-channel operations on NHWC activations, written with the ops the wasm backend runs fastest.
 *
 * On wasm, `tf.mean(x, [0, 1, 2])` transposes the whole activation before reducing, and a
 * broadcast `x · s + b` with `s, b` of shape `[C]` takes tfjs' generic index path: 6–10× slower than
 * the equivalents here, which run in XNNPACK (measured on a 64×32×32×16 activation: mean 1.64 →
 * 0.15 ms, affine 1.71 → 0.27 ms). Batch norm is made of these two, so they decide a training step's
 * speed as much as the convolutions do. Same results on every backend (within float rounding for
 * the mean, bit for bit for the affine map).
 * @module
 */

/**
 * Mean over N, H and W of an NHWC tensor: a global average pool, then a mean over the batch.
 *
 * @example
 * ```ts
 * channelMean(tf.randomNormal([8, 4, 4, 3]) as tf.Tensor4D); // ≈ tf.mean(x, [0, 1, 2]), shape [3]
 * ```
 */
export function channelMean(x: tf.Tensor4D): tf.Tensor1D {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const perImage = tf.reshape(tf.avgPool(x, [h, w], [h, w], 'valid'), [n, c]);
    // reduced from [n, c], so the result's storage is rank 1 (wasm's fused depthwise bias requires it)
    return tf.mean(perImage, 0) as tf.Tensor1D;
  });
}

/**
 * `x · scale + offset` with `scale` and `offset` of shape `[C]` broadcast over N, H, W (just
 * `x · scale` without `offset`): a 1×1 depthwise convolution with `scale` as its filter and
 * `offset` as its bias, bit-identical to the broadcast product and sum.
 *
 * @example
 * ```ts
 * channelAffine(x, tf.tensor1d([2, 2, 2]), tf.tensor1d([1, 1, 1])); // = tf.add(tf.mul(x, 2), 1) for 3 channels
 * ```
 */
export function channelAffine(x: tf.Tensor4D, scale: tf.Tensor1D, offset?: tf.Tensor1D): tf.Tensor4D {
  return tf.tidy(() => {
    const filter = tf.reshape(scale, [1, 1, scale.shape[0], 1]) as tf.Tensor4D;
    return offset === undefined ? tf.depthwiseConv2d(x, filter, 1, 'valid') : tf.fused.depthwiseConv2d({ x, filter, strides: 1, pad: 'valid', bias: offset });
  });
}

/**
 * `x − mean` with `mean` of shape `[C]` broadcast over N, H, W: {@link channelAffine} with scale 1,
 * bit-identical to the broadcast difference.
 *
 * @example
 * ```ts
 * channelCentre(x, channelMean(x)); // = tf.sub(x, tf.mean(x, [0, 1, 2])) up to the mean's rounding
 * ```
 */
export function channelCentre(x: tf.Tensor4D, mean: tf.Tensor1D): tf.Tensor4D {
  return tf.tidy(() => channelAffine(x, tf.onesLike(mean), tf.neg(mean)));
}

/**
 * Mean over H and W of an NHWC tensor (the heads' global average pool), `[N, C]`: `tf.mean(x, [1, 2])`
 * with the same values, and a gradient that divides `dy` by H·W once per image and channel, then
 * copies it to every pixel. tfjs' gradient of `mean` multiplies `dy` by a tensor of ones as large as `x`, filled
 * in JavaScript on every step, then divides every element; `dy·1 / (H·W)` is `dy / (H·W)` exactly,
 * so both give the same bits.
 *
 * @example
 * ```ts
 * globalAveragePool(tf.ones([2, 4, 4, 3]) as tf.Tensor4D); // [[1, 1, 1], [1, 1, 1]]
 * ```
 */
export function globalAveragePool(x: tf.Tensor4D): tf.Tensor2D {
  const [n, h, w, c] = x.shape;
  const pool = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.mean(args[0] as tf.Tensor4D, [1, 2]),
    // each image's 1×1 map copied to every pixel: a nearest-neighbour resize copies values (−0 too);
    // tf.broadcastTo's wasm kernel (Tile) took 70 ms for a 64×16×16×32 activation, this 1 ms
    gradFunc: (dy: tf.Tensor) => tf.image.resizeNearestNeighbor(tf.div(tf.reshape(dy, [n, 1, 1, c]), h * w) as tf.Tensor4D, [h, w]),
  }));
  return pool(x) as tf.Tensor2D;
}
