import { tf } from '../tf.js';
import { batchNormTrain, type BatchMoments } from './batchNormTrain.js';
import { batchNormEpsilon, batchNormMomentum, type ConvBnUnit, type PendingBatchStats } from './convBnUnit.js';
import { ensembleConv2d } from './ensembleConv.js';
import { joinMembers, memberParts } from './members.js';

/**
 * An ensemble's unit in train mode: every member's convolution at once ({@link ensembleConv2d}), then
 * each member's batch norm (→ ReLU) on its slice with its own γ, β, mask and running statistics, as
 * the unit runs alone; the members' batch statistics go to `pending` stacked, as the unit's variables
 * are. Eval mode and observers are not offered for ensembles: a member is evaluated alone.
 */
export function applyEnsembleUnit(
  unit: ConvBnUnit,
  x: tf.Tensor4D,
  options: { pending?: PendingBatchStats[]; applyMask: boolean; relu: boolean },
): tf.Tensor4D {
  const { pending, applyMask, relu } = options;
  const members = unit.members ?? 1;
  if (pending === undefined) throw new Error(`forward: unit '${unit.name}' is an ensemble's, which trains only (pass pending); evaluate its members alone`);
  const y = ensembleConv2d(x, unit.kernel as tf.Tensor5D, unit.stride, 'same');
  const [gammas, betas, masks, means, variances] = [unit.gamma, unit.beta, unit.mask, unit.runningMean, unit.runningVar].map((v) =>
    memberParts<tf.Tensor1D>(v, members, true),
  );
  const moments: BatchMoments[] = [];
  const outputs = memberParts<tf.Tensor4D>(y, members, false).map((slice, r) =>
    batchNormTrain(slice, gammas[r], betas[r], batchNormEpsilon, (m) => moments.push(m), {
      relu,
      ...(applyMask ? { mask: masks[r] } : {}),
      running: { mean: means[r], variance: variances[r], momentum: batchNormMomentum },
    }),
  );
  const stacked = (pick: (m: BatchMoments) => tf.Tensor | undefined) => tf.keep(tf.stack(moments.map((m) => pick(m) as tf.Tensor))) as tf.Tensor1D;
  const updated = moments[0].updated && { mean: stacked((m) => m.updated?.mean), variance: stacked((m) => m.updated?.variance) };
  pending.push({
    unit,
    mean: stacked((m) => m.mean),
    variance: stacked((m) => m.variance),
    count: (y.size / members / unit.outChannels) | 0,
    ...(updated ? { updated } : {}),
  });
  tf.dispose(moments.flatMap((m) => [m.mean, m.variance, ...(m.updated ? [m.updated.mean, m.updated.variance] : [])]));
  return joinMembers(outputs);
}

/**
 * `x` times the unit's keep mask, per channel (per member's channel in an ensemble, whose members'
 * activations follow one another along N): the same products as alone.
 *
 * @example
 * ```ts
 * const masked = maskChannels(tf.add(b, skip), block.conv2); // ResNet's sum before its ReLU
 * ```
 */
export function maskChannels(x: tf.Tensor4D, unit: ConvBnUnit): tf.Tensor4D {
  if (unit.members === undefined) return tf.mul(x, unit.mask);
  const [n, h, w, c] = x.shape;
  return tf.reshape(tf.mul(tf.reshape(x, [unit.members, n / unit.members, h, w, c]), tf.reshape(unit.mask, [unit.members, 1, 1, 1, c])), x.shape);
}
