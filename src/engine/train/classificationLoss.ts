import { SoftmaxCrossEntropy, SoftmaxCrossEntropyGrad, type SoftmaxCrossEntropyAttrs } from '../kernels/kernelNames.js';
import { memberParts } from '../models/members.js';
import { tf } from '../tf.js';

/** A batch's loss and the number of its rows predicted right; an ensemble's also per member. */
export interface ClassificationLoss {
  /** The loss, with a gradient for the logits (an ensemble's: the sum of its members'). */
  readonly loss: tf.Scalar;
  /** Rows predicted right: a scalar, or `[R]` for an ensemble's members. */
  readonly hits: tf.Tensor;
  /** Each member's loss, `[R]` (one model's: `loss`). */
  readonly losses: tf.Tensor;
}

/**
 * The softmax cross-entropy of `logits` `[B, K]` against int32 `labels` `[B]`, averaged over the
 * rows with `mean` (training) or summed (evaluation), with a gradient for `logits`; and the rows whose
 * first largest logit is at the label. With `members` R the rows are R members' batches one after
 * another, each averaged over its own rows, and `loss` is the sum of theirs (so each member's logits
 * get the gradient of its loss alone). tfjs' ops (`tf.losses.softmaxCrossEntropy` of the one-hot
 * labels, `argMax`) per member, except where the backend has {@link SoftmaxCrossEntropy} (webgpu): then
 * one kernel forward and one backward for all members, equal to the ops to float rounding (tested).
 *
 * @example
 * ```ts
 * const { loss, hits } = classificationLoss(logits, tf.tensor1d([3, 1], 'int32'), { mean: true });
 * ```
 */
export function classificationLoss(logits: tf.Tensor2D, labels: tf.Tensor1D, options: { mean: boolean; members?: number }): ClassificationLoss {
  const members = options.members ?? 1;
  if (tf.getKernel(SoftmaxCrossEntropy, tf.getBackend()) === undefined) {
    const reduction = options.mean ? tf.Reduction.SUM_BY_NONZERO_WEIGHTS : tf.Reduction.SUM;
    const targets = memberParts<tf.Tensor1D>(labels, members, false);
    const each = memberParts<tf.Tensor2D>(logits, members, false).map((l, r) => ({
      hits: tf.sum(tf.cast(tf.equal(tf.argMax(l, 1), targets[r]), 'float32')),
      loss: tf.losses.softmaxCrossEntropy(tf.oneHot(targets[r], l.shape[1]), l, undefined, undefined, reduction) as tf.Scalar,
    }));
    if (members === 1) return { ...each[0], losses: each[0].loss };
    const losses = each.map((e) => e.loss);
    return { loss: tf.addN(losses), hits: tf.stack(each.map((e) => e.hits)), losses: tf.stack(losses) };
  }
  const attrs: SoftmaxCrossEntropyAttrs = { mean: options.mean, members };
  const run = (kernel: string, inputs: tf.NamedTensorMap) => tf.engine().runKernel(kernel, inputs, attrs as unknown as tf.NamedAttrMap);
  const [losses, hits] = run(SoftmaxCrossEntropy, { logits, labels }) as tf.Tensor[];
  const total = members === 1 ? losses : tf.sum(losses);
  // the loss's gradient for logits; tf.clone shares the loss's storage (no dispatch on webgpu)
  const withGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    // saved, so that they outlive the forward pass's scope
    save([input, labels]);
    return {
      value: tf.clone(total),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => run(SoftmaxCrossEntropyGrad, { logits: saved[0], labels: saved[1], dy }) as tf.Tensor,
    };
  });
  return { loss: withGradient(logits) as tf.Scalar, hits, losses };
}
