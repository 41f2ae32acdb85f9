import { tf } from '../tf.js';
import { batchNormFolds, batchNormTrain, type BatchMoments } from './batchNormTrain.js';
import { batchNormEpsilon, batchNormMomentum, type ConvBnUnit, type PendingBatchStats } from './convBnUnit.js';
import { ensembleConv2d } from './ensembleConv.js';
import { joinMembers, memberParts } from './members.js';

/**
 * An ensemble's unit in train mode: every member's convolution at once ({@link ensembleConv2d}), then
 * each member's batch norm (→ ReLU) with its own γ, β, mask and running statistics, as the unit runs
 * alone: in the same passes where the backend's fold members ({@link batchNormFolds}), else on
 * each member's slice. The members' batch statistics go to `pending` stacked, as the unit's variables
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
  const norm = batchNormFolds()?.members === true ? normaliseTogether : normaliseEach;
  const [out, moments] = norm(y, unit, members, { relu, applyMask });
  const stacked = (t: tf.Tensor) => tf.keep(tf.reshape(t, [members, unit.outChannels]));
  pending.push({
    unit,
    mean: stacked(moments.mean),
    variance: stacked(moments.variance),
    count: (y.size / members / unit.outChannels) | 0,
    ...(moments.updated ? { updated: { mean: stacked(moments.updated.mean), variance: stacked(moments.updated.variance) } } : {}),
  });
  tf.dispose([moments.mean, moments.variance, ...(moments.updated ? [moments.updated.mean, moments.updated.variance] : [])]);
  return out;
}

type Normalisation = (y: tf.Tensor4D, unit: ConvBnUnit, members: number, options: { relu: boolean; applyMask: boolean }) => [tf.Tensor4D, BatchMoments];

/** All members' batch norm in one call, every vector `[members·C]`; moments likewise. */
const normaliseTogether: Normalisation = (y, unit, members, { relu, applyMask }) => {
  const flat = (v: tf.Variable) => tf.reshape(v, [-1]) as tf.Tensor1D;
  const moments: BatchMoments[] = [];
  const out = batchNormTrain(y, flat(unit.gamma), flat(unit.beta), batchNormEpsilon, (m) => moments.push(m), {
    relu,
    members,
    ...(applyMask ? { mask: flat(unit.mask) } : {}),
    running: { mean: flat(unit.runningMean), variance: flat(unit.runningVar), momentum: batchNormMomentum },
  });
  return [out, moments[0]];
};

/** Each member's batch norm on its slice of `y`, with its rows of the variables; moments joined member-major. */
const normaliseEach: Normalisation = (y, unit, members, { relu, applyMask }) => {
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
  const joined = (pick: (m: BatchMoments) => tf.Tensor1D | undefined) => tf.keep(tf.concat(moments.map((m) => pick(m) as tf.Tensor1D)));
  const updated = moments[0].updated && { mean: joined((m) => m.updated?.mean), variance: joined((m) => m.updated?.variance) };
  const all: BatchMoments = { mean: joined((m) => m.mean), variance: joined((m) => m.variance), ...(updated ? { updated } : {}) };
  tf.dispose(moments.flatMap((m) => [m.mean, m.variance, ...(m.updated ? [m.updated.mean, m.updated.variance] : [])]));
  return [joinMembers(outputs), all];
};

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
