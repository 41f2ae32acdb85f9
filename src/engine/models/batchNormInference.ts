import { tf } from '../tf.js';

/**
 * Eval-mode batch normalisation (running statistics) with a hand-written gradient.
 *
 * The forward pass is tfjs' own `batchNorm`, so outputs are bit-identical to it. Its gradient in
 * tfjs materialises `tile`s of the per-channel factors to the full activation shape (on wasm, more
 * than half of an eval-mode gradient's time: flatness measurements differentiate in eval mode).
 * With fixed statistics the closed form is a broadcast product and two channel reductions:
 * `dx = dy·γ·σ⁻¹`, `dγ = Σ dy·(x − μ)·σ⁻¹`, `dβ = Σ dy`, with `σ = √(running var + ε)`.
 *
 * @example
 * ```ts
 * const y = batchNormInference(x, runningMean, runningVar, beta, gamma, 1e-5); // = tf.batchNorm(x, runningMean, runningVar, beta, gamma, 1e-5)
 * ```
 */
export function batchNormInference(
  x: tf.Tensor4D,
  mean: tf.Tensor1D,
  variance: tf.Tensor1D,
  offset: tf.Tensor1D,
  scale: tf.Tensor1D,
  epsilon: number,
): tf.Tensor4D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, meanIn, varianceIn, scaleIn, offsetIn] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
    const save = args[5] as tf.GradSaveFunc;
    save([xIn, meanIn, varianceIn, scaleIn]);
    return {
      value: tf.batchNorm(xIn, meanIn, varianceIn, offsetIn, scaleIn, epsilon),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedX, savedMean, savedVariance, savedScale] = saved;
        const invStd = tf.rsqrt(tf.add(savedVariance, epsilon));
        const dBeta = tf.sum(dy, [0, 1, 2]);
        const dGamma = tf.mul(tf.sum(tf.mul(dy, tf.sub(savedX, savedMean)), [0, 1, 2]), invStd);
        // the statistics are constants here (running averages, not trained)
        return [tf.mul(dy, tf.mul(savedScale, invStd)), tf.zerosLike(savedMean), tf.zerosLike(savedVariance), dGamma, dBeta];
      },
    };
  });
  return op(x, mean, variance, scale, offset) as tf.Tensor4D;
}
