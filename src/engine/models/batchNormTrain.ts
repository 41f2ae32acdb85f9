import { tf } from '../tf.js';

/** Batch statistics produced by {@link batchNormTrain}, for the running-average update. */
export interface BatchMoments {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/**
 * Train-mode batch normalisation over N, H, W with a hand-written gradient.
 *
 * tfjs' own `batchNorm` gradient materialises `tile`s of the per-channel factors to the full
 * activation shape, which on wasm costs more than all convolutions of a step together. The closed
 * form used here needs two channel reductions and a few broadcast products:
 * `dx = γ·σ⁻¹·(dy − mean(dy) − x̂·mean(dy·x̂))`, `dγ = Σ dy·x̂`, `dβ = Σ dy`
 * (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167, section 3).
 *
 * `onMoments` receives the batch mean and (biased) variance, kept for the caller to dispose.
 */
export function batchNormTrain(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  onMoments: (moments: BatchMoments) => void,
): tf.Tensor4D {
  const count = x.shape[0] * x.shape[1] * x.shape[2];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, scale, offset] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    const { mean, variance } = tf.moments(xIn, [0, 1, 2]);
    const invStd = tf.rsqrt(tf.add(variance, epsilon));
    const xHat = tf.mul(tf.sub(xIn, mean), invStd);
    onMoments({ mean: tf.keep(mean as tf.Tensor1D), variance: tf.keep(variance as tf.Tensor1D) });
    save([xHat, invStd, scale]);
    return {
      value: tf.add(tf.mul(xHat, scale), offset),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedHat, savedInvStd, savedScale] = saved;
        const dBeta = tf.sum(dy, [0, 1, 2]);
        const dGamma = tf.sum(tf.mul(dy, savedHat), [0, 1, 2]);
        const centred = tf.sub(tf.sub(dy, tf.div(dBeta, count)), tf.mul(savedHat, tf.div(dGamma, count)));
        const dx = tf.mul(centred, tf.mul(savedScale, savedInvStd));
        return [dx, dGamma, dBeta];
      },
    };
  });
  return op(x, gamma, beta) as tf.Tensor4D;
}
