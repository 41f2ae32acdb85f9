import { ConvBatchNormInference, type ConvBatchNormInferenceAttrs } from '../kernels/kernelNames.js';
import { deriveSeed } from '../../primitives/seededRandom.js';
import { tf, type Variable } from '../tf.js';
import { batchNormInference } from './batchNormInference.js';
import { batchNormTrain, type BatchMoments } from './batchNormTrain.js';

/** PyTorch's BatchNorm2d defaults, used throughout (the authors' code is PyTorch). */
export const batchNormEpsilon = 1e-5;
export const batchNormMomentum = 0.1;

/**
 * One `conv(k×k, no bias) → BatchNorm` unit: the thing pruning acts on. Its `mask` (1 = kept,
 * 0 = removed, one entry per output filter) multiplies the BN output, so a removed filter's output,
 * and the gradients of its weights, γ and β, are exactly 0.
 */
export interface ConvBnUnit {
  /** Stable name that configs target, e.g. `conv7` or `layer4.1.conv2`. */
  readonly name: string;
  readonly kernelSize: number;
  readonly stride: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Conv weights `[k, k, in, out]`. */
  readonly kernel: Variable;
  readonly gamma: Variable;
  readonly beta: Variable;
  readonly runningMean: Variable;
  readonly runningVar: Variable;
  /** Per-filter keep mask `[out]`, not trainable. */
  readonly mask: Variable;
  /**
   * An ensemble's unit (seeds trained together): how many members; every variable then has a leading
   * member dimension, each member's slice initialised as that member's seed initialises the unit alone.
   */
  readonly members?: number;
}

/** Batch statistics of one unit from a training forward pass, applied after the step; `[C]`, an ensemble's `[members, C]`. */
export interface PendingBatchStats {
  readonly unit: ConvBnUnit;
  readonly mean: tf.Tensor;
  readonly variance: tf.Tensor;
  /** Number of values each statistic averaged (N·H·W), for the unbiased running variance. */
  readonly count: number;
  /** The running statistics already updated, where the backend's batch-norm passes fold the update in. */
  readonly updated?: { readonly mean: tf.Tensor; readonly variance: tf.Tensor };
}

/**
 * Creates a unit with He-normal (fan-out) conv weights, γ = 1, β = 0, as PyTorch's VGG/ResNet do;
 * with several seeds, an ensemble's unit whose members are those units stacked.
 *
 * @example
 * ```ts
 * const u = createConvBnUnit({ name: 'conv0', scope: 'net1', inChannels: 3, outChannels: 16, seed: 1 });
 * u.kernel.shape; // [3, 3, 3, 16]
 * ```
 */
export function createConvBnUnit(options: {
  name: string;
  /** Prefix that makes the tfjs variable names unique in the process (tfjs registers names globally). */
  scope: string;
  inChannels: number;
  outChannels: number;
  /** One seed, or the seeds of an ensemble's members. */
  seed: number | readonly number[];
  kernelSize?: number;
  stride?: number;
}): ConvBnUnit {
  const { name, scope, inChannels, outChannels, seed } = options;
  const seeds = typeof seed === 'number' ? [seed] : seed;
  // a model's values, or its members' stacked
  const init = (f: (s: number) => tf.Tensor) => (typeof seed === 'number' ? f(seed) : tf.stack(seeds.map(f)));
  const id = `${scope}/${name}`;
  const kernelSize = options.kernelSize ?? 3;
  const stride = options.stride ?? 1;
  const std = Math.sqrt(2 / (kernelSize * kernelSize * outChannels));
  return tf.tidy(() => ({
    name,
    kernelSize,
    stride,
    inChannels,
    outChannels,
    kernel: tf.variable(
      init((s) => tf.randomNormal([kernelSize, kernelSize, inChannels, outChannels], 0, std, 'float32', deriveSeed(s, `init:${name}`))),
      true,
      `${id}.kernel`,
    ),
    gamma: tf.variable(
      init(() => tf.ones([outChannels])),
      true,
      `${id}.gamma`,
    ),
    beta: tf.variable(
      init(() => tf.zeros([outChannels])),
      true,
      `${id}.beta`,
    ),
    runningMean: tf.variable(
      init(() => tf.zeros([outChannels])),
      false,
      `${id}.runningMean`,
    ),
    runningVar: tf.variable(
      init(() => tf.ones([outChannels])),
      false,
      `${id}.runningVar`,
    ),
    mask: tf.variable(
      init(() => tf.ones([outChannels])),
      false,
      `${id}.mask`,
    ),
    ...(typeof seed === 'number' ? {} : { members: seeds.length }),
  }));
}

/**
 * Forward pass of a unit: conv → BN (batch statistics when `pending` is given, running statistics
 * otherwise) → ReLU when `relu`. With `applyMask`, the mask is folded into BN's affine factors
 * (`γ·mask`, `β·mask`), so a removed filter's output and the gradients of its weights, γ and β are
 * exactly 0 at no extra full-size operation. Without `relu` the caller applies what follows (ResNet
 * adds the shortcut first; a unit whose BN output is observed applies `tf.relu` after observing it).
 */
export function applyConvBnUnit(unit: ConvBnUnit, x: tf.Tensor4D, options: { pending?: PendingBatchStats[]; applyMask: boolean; relu?: boolean }): tf.Tensor4D {
  const y = tf.conv2d(x, unit.kernel as tf.Tensor4D, unit.stride, 'same');
  const { pending, relu = false, applyMask } = options;
  if (pending === undefined) {
    const scale = (applyMask ? tf.mul(unit.gamma, unit.mask) : unit.gamma) as tf.Tensor1D;
    const offset = (applyMask ? tf.mul(unit.beta, unit.mask) : unit.beta) as tf.Tensor1D;
    const out = batchNormInference(y, unit.runningMean as tf.Tensor1D, unit.runningVar as tf.Tensor1D, offset, scale, batchNormEpsilon);
    return relu ? tf.relu(out) : out;
  }
  const count = y.shape[0] * y.shape[1] * y.shape[2];
  const onMoments = (moments: BatchMoments) => pending.push({ unit, ...moments, count });
  return batchNormTrain(y, unit.gamma as tf.Tensor1D, unit.beta as tf.Tensor1D, batchNormEpsilon, onMoments, {
    relu,
    ...(applyMask ? { mask: unit.mask as tf.Tensor1D } : {}),
    running: { mean: unit.runningMean as tf.Tensor1D, variance: unit.runningVar as tf.Tensor1D, momentum: batchNormMomentum },
  });
}

/**
 * Forward pass of a unit when no gradient is taken: conv → BN with running statistics (→ ReLU when
 * `relu`), bit-identical to {@link applyConvBnUnit} without `pending`. Where the
 * backend has {@link ConvBatchNormInference} (wasm) it is one kernel, which applies the batch
 * norm and ReLU to the convolution's output rows while they are in cache; elsewhere the separate ops.
 * The per-channel factors are computed by the same ops as `batchNormInference`'s, so they are equal.
 */
export function applyConvBnUnitInference(unit: ConvBnUnit, x: tf.Tensor4D, options: { applyMask: boolean; relu: boolean }): tf.Tensor4D {
  const { applyMask, relu } = options;
  if (tf.getKernel(ConvBatchNormInference, tf.getBackend()) === undefined) return applyConvBnUnit(unit, x, { applyMask, relu });
  return tf.tidy(() => {
    const gamma = applyMask ? tf.mul(unit.gamma, unit.mask) : unit.gamma;
    const inputs = {
      x,
      filter: unit.kernel,
      negMean: tf.neg(unit.runningMean),
      scale: tf.mul(gamma, tf.rsqrt(tf.add(unit.runningVar, batchNormEpsilon))),
      offset: applyMask ? tf.mul(unit.beta, unit.mask) : unit.beta,
    };
    const attrs: ConvBatchNormInferenceAttrs = { strides: unit.stride, pad: 'same', relu };
    return tf.engine().runKernel(ConvBatchNormInference, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
  });
}

/**
 * Applies pending batch statistics to the running ones (PyTorch's update, unbiased variance), or
 * assigns the running statistics the batch-norm passes already updated (webgpu, with the composite's
 * bits: tested).
 */
export function commitBatchStats(pending: PendingBatchStats[]): void {
  tf.tidy(() => {
    for (const { unit, mean, variance, count, updated } of pending) {
      if (updated !== undefined) {
        unit.runningMean.assign(updated.mean);
        unit.runningVar.assign(updated.variance);
        continue;
      }
      const unbiased = tf.mul(variance, count / Math.max(1, count - 1));
      unit.runningMean.assign(tf.add(tf.mul(unit.runningMean, 1 - batchNormMomentum), tf.mul(mean, batchNormMomentum)));
      unit.runningVar.assign(tf.add(tf.mul(unit.runningVar, 1 - batchNormMomentum), tf.mul(unbiased, batchNormMomentum)));
    }
  });
  for (const p of pending) tf.dispose([p.mean, p.variance, ...(p.updated ? [p.updated.mean, p.updated.variance] : [])]);
  pending.length = 0;
}

/** All variables of a unit with their logical names (`conv0.kernel`, ...), trainable first. */
export function unitVariables(unit: ConvBnUnit): [string, Variable][] {
  const { name } = unit;
  return [
    [`${name}.kernel`, unit.kernel],
    [`${name}.gamma`, unit.gamma],
    [`${name}.beta`, unit.beta],
    [`${name}.runningMean`, unit.runningMean],
    [`${name}.runningVar`, unit.runningVar],
    [`${name}.mask`, unit.mask],
  ];
}
