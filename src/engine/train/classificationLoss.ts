import { SoftmaxCrossEntropy, SoftmaxCrossEntropyGrad, type SoftmaxCrossEntropyAttrs } from '../kernels/kernelNames.js';
import { tf } from '../tf.js';

/** A batch's loss and the number of its rows predicted right. */
export interface ClassificationLoss {
  readonly loss: tf.Scalar;
  readonly hits: tf.Scalar;
}

/**
 * The softmax cross-entropy of `logits` `[B, K]` against int32 `labels` `[B]`, averaged over the
 * rows with `mean` (training) or summed (evaluation), with a gradient for `logits`; and the rows whose
 * first largest logit is at the label. tfjs' ops (`tf.losses.softmaxCrossEntropy` of the one-hot
 * labels, `argMax`), except where the backend has {@link SoftmaxCrossEntropy} (webgpu): then one
 * kernel forward and one backward, equal to the ops to float rounding (tested).
 *
 * @example
 * ```ts
 * const { loss, hits } = classificationLoss(logits, tf.tensor1d([3, 1], 'int32'), { mean: true });
 * ```
 */
export function classificationLoss(logits: tf.Tensor2D, labels: tf.Tensor1D, options: { mean: boolean }): ClassificationLoss {
  if (tf.getKernel(SoftmaxCrossEntropy, tf.getBackend()) === undefined) {
    const reduction = options.mean ? tf.Reduction.SUM_BY_NONZERO_WEIGHTS : tf.Reduction.SUM;
    return {
      hits: tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')),
      loss: tf.losses.softmaxCrossEntropy(tf.oneHot(labels, logits.shape[1]), logits, undefined, undefined, reduction) as tf.Scalar,
    };
  }
  const attrs: SoftmaxCrossEntropyAttrs = { mean: options.mean };
  const run = (kernel: string, inputs: tf.NamedTensorMap) => tf.engine().runKernel(kernel, inputs, attrs as unknown as tf.NamedAttrMap);
  const [loss, hits] = run(SoftmaxCrossEntropy, { logits, labels }) as tf.Scalar[];
  // the loss's gradient for logits; tf.clone shares the loss's storage (no dispatch on webgpu)
  const withGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    // saved, so that they outlive the forward pass's scope
    save([input, labels]);
    return {
      value: tf.clone(loss),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => run(SoftmaxCrossEntropyGrad, { logits: saved[0], labels: saved[1], dy }) as tf.Tensor,
    };
  });
  return { loss: withGradient(logits) as tf.Scalar, hits };
}
