/**
 * The names and attributes of this project's own ops, as tfjs' `kernel_names.ts` has its own: the
 * models and optimizers run an op by name where the backend has a kernel for it (`tf.getKernel`),
 * and the composite ops otherwise, which the kernels reproduce bit for bit. Each backend folder
 * (`wasm/`, `native/` through wasm, `webgpu/`) registers the ones it has, one file per name.
 */

/**
 * Eval-mode conv → batch norm (→ ReLU): inputs `x` (NHWC), `filter` (HWIO), the per-channel `negMean`
 * (−μ), `scale` (γσ⁻¹) and `offset` (β); attributes {@link ConvBatchNormInferenceAttrs}.
 */
export const ConvBatchNormInference = 'ConvBatchNormInference';

/** The attributes of {@link ConvBatchNormInference}. */
export interface ConvBatchNormInferenceAttrs {
  readonly strides: number;
  readonly pad: 'same' | 'valid';
  readonly relu: boolean;
}

/**
 * The passes of train-mode batch norm, each one pass over an NHWC activation with `[C]` per-channel
 * vectors (`models/batchNormTrain.ts` has the composite ops they reproduce, channel means included):
 * - `mean`: `x` → the channel means;
 * - `centreVariance`: `x`, `mean` → `[centred, variance]` (`variance` = the means of `centred²`; webgpu adds `invStd`);
 * - `normalise`: `centred`, `invStd`, `scale`, `offset`; attribute `relu` → the output (webgpu adds
 *   `factor` = `scale·invStd`, which the backward pass needs);
 * - `gradMeans`: `dy`, `centred`, `invStd` (and `out`, the forward output, with `relu`) → `[meanDy,
 *   meanDyHat]`, the means of `dyIn` and of `dyIn·x̂`, and with `relu` also `dyIn` = `dy·step(out)`
 *   (otherwise `dyIn` is `dy`); webgpu adds `dβ` = `meanDy·count` and `dγ` = `meanDyHat·count` after them;
 * - `inputGrad`: `dyIn`, `centred`, `invStd`, `meanDy`, `meanDyHat`, `factor` → `dx`.
 */
export const BatchNormTrain = {
  mean: 'BatchNormTrainMean',
  centreVariance: 'BatchNormTrainCentreVariance',
  normalise: 'BatchNormTrainNormalise',
  gradMeans: 'BatchNormTrainGradMeans',
  inputGrad: 'BatchNormTrainInputGrad',
} as const satisfies Record<string, string>;

/**
 * The attributes of the {@link BatchNormTrain} passes: `relu` for the passes that can apply ReLU
 * (`normalise`, `gradMeans`); `epsilon`, the variance's ε, with which a backend's `centreVariance`
 * may return `invStd = (variance + ε)^-½` as a third output (webgpu does: one dispatch fewer twice).
 */
export interface BatchNormTrainAttrs {
  readonly relu: boolean;
  readonly epsilon: number;
  /** The running statistics' momentum, for the passes that fold in their update ({@link batchNormTrainFolds}). */
  readonly momentum: number;
  /**
   * The ensemble members whose activations follow one another along N, each normalised by its own
   * batch statistics, its per-channel vectors `[members·C]` (member-major); 1 for one model. Only
   * backends that fold `members` ({@link batchNormTrainFolds}) are given more than 1.
   */
  readonly members: number;
}

/**
 * Backends whose {@link BatchNormTrain} passes fold in work the engine otherwise does with tfjs ops,
 * to the same values, in the passes they run anyway:
 * - `mask`: the `normalise` and `gradMeans` passes take a unit's keep mask as the input `mask`; they
 *   apply γ·mask and β·mask and give ∂γ, ∂β times the mask (four dispatches fewer a unit);
 * - `runningStats`: the `mean` pass takes `runningMean` and gives `[mean, runningMean']`, the
 *   `centreVariance` pass takes `runningVar` and gives `runningVar'` after its outputs: PyTorch's
 *   update with the attribute `momentum` and the unbiased variance (`models/convBnUnit.ts` has the
 *   composite update, `commitBatchStats`; one dispatch fewer a unit);
 * - `members`: every pass takes the attribute `members` and normalises an ensemble's members in the
 *   same dispatches, each member's values those of its own passes (otherwise the engine runs the
 *   passes per member, on slices).
 */
export const batchNormTrainFolds = { webgpu: { mask: true, runningStats: true, members: true } } as const satisfies Readonly<
  Record<string, { readonly mask: boolean; readonly runningStats: boolean; readonly members: boolean }>
>;

/**
 * One variable's SGD step in one pass: `v`, `g`, `buf`; attributes {@link SgdStepAttrs} → `[v', buf']`
 * (`[v']` with momentum 0). `optim/sgd.ts` has the composite step it reproduces.
 */
export const SgdStep = 'SgdStep';

/** The attributes of {@link SgdStep}. */
export interface SgdStepAttrs {
  readonly learningRate: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly first: boolean;
}

/**
 * One variable's Adam step in one pass: `v`, `g`, `m`, `s`; attributes {@link AdamStepAttrs} → `[v',
 * m', s']`. `optim/adam.ts` has the composite step it reproduces.
 */
export const AdamStep = 'AdamStep';

/** The attributes of {@link AdamStep}: `sqrtC2` is √ of the second moment's bias correction, `stepSize` the learning rate over the first one's. */
export interface AdamStepAttrs {
  readonly weightDecay: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly sqrtC2: number;
  readonly stepSize: number;
}

/**
 * The scalars an {@link AdamStep} kernel reads, in its order: weight decay, β1, 1 − β1, β2, 1 − β2,
 * √c2, ε, step size (each backend's kernel takes them as they are, rounded to float32).
 */
export const adamStepScalars = (a: AdamStepAttrs): number[] => [a.weightDecay, a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.sqrtC2, a.epsilon, a.stepSize];

/**
 * Softmax cross-entropy of `logits` `[B, K]` against int32 `labels` `[B]`, with the hits, in one op:
 * → `[loss, hits]`, float32 scalars. `loss` is `tf.losses.softmaxCrossEntropy` of the one-hot labels,
 * summed over the rows, or averaged with the attribute `mean` ({@link SoftmaxCrossEntropyAttrs});
 * `hits` counts the rows whose first largest logit is at the label. With `members` R > 1 the rows are
 * R members' batches one after another and both are `[R]`, each member's those of its rows alone.
 * `train/classificationLoss.ts` has the composite ops it reproduces.
 */
export const SoftmaxCrossEntropy = 'SoftmaxCrossEntropy';

/** The gradient of {@link SoftmaxCrossEntropy}'s loss (of the members' sum): `logits`, `labels`, `dy` (scalar) → ∂logits = dy·(softmax − one-hot), divided by B with `mean`. */
export const SoftmaxCrossEntropyGrad = 'SoftmaxCrossEntropyGrad';

/** The attributes of {@link SoftmaxCrossEntropy} and {@link SoftmaxCrossEntropyGrad}. */
export interface SoftmaxCrossEntropyAttrs {
  readonly mean: boolean;
  /** The members R whose batches follow one another (1 for one model). */
  readonly members: number;
}

/**
 * A fully connected layer with bias (the classifier head), of one model or of an ensemble's members
 * at once ({@link DenseAttrs}`.members`, R): `x` `[R·B, F]` holds the members' rows one after another,
 * `kernel` is `[R, F, K]` and `bias` `[R, K]` (`[F, K]`, `[K]` for one model):
 * - `forward`: `x`, `kernel`, `bias` → `[R·B, K]`: Σ_f x[i, f]·kernel[r, f, k] in f's order, then + bias[r, k];
 * - `inputGrad`: `dy`, `kernel` → ∂x: Σ_k dy[i, k]·kernel[r, f, k] in k's order;
 * - `weightGrad`: `x`, `dy` → `[∂kernel, ∂bias]` (`[R, F, K]`, `[R, K]`), sums over the member's rows in their order.
 * A member's values are those of its model alone, bit for bit. `models/dense.ts` has the composite
 * (tfjs' matMul and add per member), which they equal to float rounding.
 */
export const Dense = { forward: 'Dense', inputGrad: 'DenseBackpropInput', weightGrad: 'DenseBackpropWeight' } as const satisfies Record<string, string>;

/** The attributes of the {@link Dense} kernels: the members R (1 for one model). */
export interface DenseAttrs {
  readonly members: number;
}

/**
 * The convolutions of several models at once (seeds trained together): activations hold the members'
 * batches one after another along N; a filter is `[members, kh, kw, C_in, C_out]`. Each member's
 * slice of a result is its convolution alone, bit for bit (`models/ensembleConv.ts` has the composite,
 * each member's slices through tfjs' ops):
 * - `forward`: `x`, `filter` → y;
 * - `inputGrad`: `dy`, `filter`; attribute `inputShape` (x's) → dx;
 * - `filterGrad`: `x`, `dy`; attribute `filterShape` → dW.
 */
export const EnsembleConv2D = {
  forward: 'EnsembleConv2D',
  inputGrad: 'EnsembleConv2DBackpropInput',
  filterGrad: 'EnsembleConv2DBackpropFilter',
} as const satisfies Record<string, string>;

/** The attributes of the {@link EnsembleConv2D} kernels. */
export interface EnsembleConv2DAttrs {
  readonly strides: number;
  readonly pad: 'same' | 'valid';
  readonly inputShape: readonly number[];
  readonly filterShape: readonly number[];
}
