import { BatchNormTrain, batchNormTrainFolds, type BatchNormTrainAttrs } from '../kernels/kernelNames.js';
import { tf } from '../tf.js';
import { channelAffine, channelCentre, channelMean } from './channelOps.js';

/** Batch statistics produced by {@link batchNormTrain}, for the running-average update. */
export interface BatchMoments {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
  /** The running statistics already updated with this batch, where the backend's passes fold the update in. */
  readonly updated?: RunningStats;
}

/** A unit's running mean and variance; with {@link batchNormTrain}, also the momentum of their update. */
export interface RunningStats {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/**
 * Train-mode batch normalisation over N, H, W with a hand-written gradient.
 *
 * tfjs' own `batchNorm` gradient materialises `tile`s of the per-channel factors to the full
 * activation shape, which on wasm costs more than all convolutions of a step together. The closed
 * form used here needs two channel means and a few per-channel affine maps:
 * `dx = γ·σ⁻¹·(dy − mean(dy) − x̂·mean(dy·x̂))`, `dγ = Σ dy·x̂`, `dβ = Σ dy`
 * (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167, section 3). Every per-channel reduction
 * and broadcast goes through {@link channelMean} and {@link channelAffine}, which wasm runs in
 * XNNPACK; the only full-size element-wise ops left are a square, a product and a difference.
 *
 * `onMoments` receives the batch mean and (biased) variance, kept for the caller to dispose. With
 * `relu`, ReLU follows (`tf.relu` of the result, so the same values and gradients). With `mask` (a
 * unit's keep mask, 0 or 1 per channel) the affine factors are γ·mask and β·mask, so ∂γ and ∂β are
 * times the mask. Where the backend has {@link BatchNormTrain} (wasm, webgpu), the element-wise work
 * runs there, bit-identically; where its passes fold in the mask or the update of the `running`
 * statistics ({@link batchNormTrainFolds}), they do that too, and `onMoments` also receives the
 * updated running statistics.
 *
 * With `members` (an ensemble's, whose activations follow one another along N), each member is
 * normalised by its own batch statistics: every per-channel vector, given and received, is
 * `[members·C]`, member-major, and a member's values are those of its model alone. Only backends
 * whose passes fold `members` take more than 1 (`ensembleUnit.ts` runs members on slices elsewhere).
 *
 * @example
 * ```ts
 * const y = batchNormTrain(x, gamma, beta, 1e-5, ({ mean, variance }) => pending.push({ mean, variance }));
 * ```
 */
export function batchNormTrain(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  onMoments: (moments: BatchMoments) => void,
  options: { relu?: boolean; mask?: tf.Tensor1D; running?: RunningStats & { readonly momentum: number }; members?: number } = {},
): tf.Tensor4D {
  const { relu = false, mask, running, members = 1 } = options;
  const backend = tf.getBackend();
  const folds = batchNormFolds(backend);
  if (members > 1 && folds?.members !== true)
    throw new Error(`batchNormTrain: members ${members} on ${backend}, whose passes take one model; run each member on its slice (members 1)`);
  if (tf.getKernel(BatchNormTrain.normalise, backend) !== undefined) {
    const folded = {
      ...(folds?.runningStats === true && running !== undefined ? { running } : {}),
      ...(folds?.mask === true && mask !== undefined ? { mask } : {}),
    };
    const [scale, offset] = folded.mask === undefined ? masked(gamma, beta, mask) : [gamma, beta];
    return batchNormTrainPasses(x, scale, offset, epsilon, onMoments, { relu, members }, folded);
  }
  const y = composite(x, ...masked(gamma, beta, mask), epsilon, onMoments);
  return relu ? tf.relu(y) : y;
}

/**
 * What `backend`'s {@link BatchNormTrain} passes fold in ({@link batchNormTrainFolds}), if anything.
 *
 * @example batchNormFolds('webgpu')?.members // true
 */
export function batchNormFolds(backend = tf.getBackend()): (typeof batchNormTrainFolds)[keyof typeof batchNormTrainFolds] | undefined {
  return backend in batchNormTrainFolds ? batchNormTrainFolds[backend as keyof typeof batchNormTrainFolds] : undefined;
}

/** γ·mask and β·mask (γ and β without a mask), by tfjs ops. */
function masked(gamma: tf.Tensor1D, beta: tf.Tensor1D, mask: tf.Tensor1D | undefined): [tf.Tensor1D, tf.Tensor1D] {
  return mask === undefined ? [gamma, beta] : [tf.mul(gamma, mask), tf.mul(beta, mask)];
}

/** The composite form: tfjs ops only, on every backend. */
function composite(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, onMoments: (moments: BatchMoments) => void): tf.Tensor4D {
  const count = x.shape[0] * x.shape[1] * x.shape[2];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, scale, offset] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    const mean = channelMean(xIn);
    const centred = channelCentre(xIn, mean);
    const variance = channelMean(tf.square(centred));
    const invStd = tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor1D;
    const xHat = channelAffine(centred, invStd);
    onMoments({ mean: tf.keep(mean), variance: tf.keep(variance) });
    save([xHat, invStd, scale]);
    return {
      value: channelAffine(xHat, scale, offset),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedHat, savedInvStd, savedScale] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
        const dy4 = dy as tf.Tensor4D;
        const meanDy = channelMean(dy4);
        const meanDyHat = channelMean(tf.mul(dy4, savedHat));
        const centredDy = tf.sub(dy4, channelAffine(savedHat, meanDyHat, meanDy)) as tf.Tensor4D;
        const dx = channelAffine(centredDy, tf.mul(savedScale, savedInvStd));
        return [dx, tf.mul(meanDyHat, count), tf.mul(meanDy, count)];
      },
    };
  });
  return op(x, gamma, beta) as tf.Tensor4D;
}

/**
 * The same batch norm (→ ReLU) in {@link BatchNormTrain}: three passes forward and two
 * backward, which compute the channel means in the composite's order while they produce their
 * operands (the squares and products the composite pools are never written). Bit-identical to
 * {@link composite} followed by `tf.relu` (tested). A `mask` goes to the `normalise` and `gradMeans`
 * passes, which must then give the factor γ·mask·σ⁻¹ and ∂γ, ∂β themselves; `running` statistics go
 * to the `mean` and `centreVariance` passes, which must then give them updated.
 */
function batchNormTrainPasses(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  onMoments: (moments: BatchMoments) => void,
  { relu, members }: { relu: boolean; members: number },
  { mask, running }: { mask?: tf.Tensor1D; running?: RunningStats & { readonly momentum: number } },
): tf.Tensor4D {
  const count = (x.shape[0] * x.shape[1] * x.shape[2]) / members;
  const attrs: BatchNormTrainAttrs = { relu, epsilon, momentum: running?.momentum ?? 0, members };
  const run = (kernel: string, inputs: tf.NamedTensorMap) =>
    tf.engine().runKernel(kernel, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor | tf.Tensor[];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, scale, offset] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    const means = run(BatchNormTrain.mean, { x: xIn, ...(running ? { runningMean: running.mean } : {}) });
    const [mean, runningMean] = (Array.isArray(means) ? means : [means]) as [tf.Tensor1D, tf.Tensor1D?];
    const moments = run(BatchNormTrain.centreVariance, { x: xIn, mean, ...(running ? { runningVar: running.variance } : {}) }) as tf.Tensor[];
    const [centred, variance, fusedInvStd, runningVar] = moments as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D?, tf.Tensor1D?];
    if (running !== undefined && (runningMean === undefined || runningVar === undefined))
      throw new Error(
        `${BatchNormTrain.mean} and ${BatchNormTrain.centreVariance} on ${tf.getBackend()} take no running statistics: remove runningStats from batchNormTrainFolds`,
      );
    const invStd = fusedInvStd ?? (tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor1D);
    const normalised = run(BatchNormTrain.normalise, { centred, invStd, scale, offset, ...(mask ? { mask } : {}) });
    const [out, fusedFactor] = (Array.isArray(normalised) ? normalised : [normalised]) as [tf.Tensor4D, tf.Tensor1D?];
    if (mask !== undefined && fusedFactor === undefined)
      throw new Error(`${BatchNormTrain.normalise} on ${tf.getBackend()} takes no mask: remove mask from batchNormTrainFolds`);
    const updated = runningMean && runningVar && { mean: tf.keep(runningMean), variance: tf.keep(runningVar) };
    onMoments({ mean: tf.keep(mean), variance: tf.keep(variance), ...(updated ? { updated } : {}) });
    // the backward pass needs γ·σ⁻¹: the fused factor where the backend gave it, else γ to compute it
    // the mask too: an ensemble's member mask is a slice the forward pass's scope would dispose
    save([centred, invStd, fusedFactor ?? scale, ...(relu ? [out] : []), ...(mask ? [mask] : [])]);
    return {
      value: out,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedCentred, savedInvStd, savedFactorOrScale, ...rest] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, ...tf.Tensor[]];
        const [savedOut, savedMask] = [relu ? rest[0] : undefined, mask ? rest.at(-1) : undefined];
        const hat = { centred: savedCentred, invStd: savedInvStd };
        const means = run(BatchNormTrain.gradMeans, {
          dy,
          ...hat,
          ...(relu ? { out: savedOut } : {}),
          ...(savedMask ? { mask: savedMask } : {}),
        }) as tf.Tensor[];
        const [meanDy, meanDyHat] = means as [tf.Tensor1D, tf.Tensor1D];
        const dyIn = relu ? means[2] : dy;
        const factor = fusedFactor !== undefined ? savedFactorOrScale : tf.mul(savedFactorOrScale, savedInvStd);
        const dx = run(BatchNormTrain.inputGrad, { dyIn, ...hat, meanDy, meanDyHat, factor }) as tf.Tensor4D;
        const [dBeta = tf.mul(meanDy, count), dGamma = tf.mul(meanDyHat, count)] = means.slice(relu ? 3 : 2);
        return [dx, dGamma, dBeta];
      },
    };
  });
  return op(x, gamma, beta) as tf.Tensor4D;
}
