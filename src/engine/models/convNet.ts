import type { tf, Variable } from '../tf.js';
import type { ConvBnUnit, PendingBatchStats } from './convBnUnit.js';

/** Options of one forward pass. */
export interface ForwardOptions {
  /** Train mode: BN uses batch statistics, which are pushed here for the caller to commit. */
  readonly pending?: PendingBatchStats[];
  /** Called with each unit's output (after BN and mask, before ReLU), e.g. for activation scores. */
  readonly observe?: (unit: ConvBnUnit, output: tf.Tensor4D) => void;
  /**
   * Eval mode, no gradient taken, nothing observed (evaluation): each unit may run as one kernel
   * (`applyConvBnUnitInference`), with bit-identical logits. Not allowed with `pending` or `observe`.
   */
  readonly inference?: boolean;
}

/**
 * A convolutional classifier built from {@link ConvBnUnit}s and a linear head, with the
 * parameters held in tfjs variables. VGG and ResNet builders both produce this shape, so
 * training, pruning and flatness code never depend on the architecture.
 */
export interface ConvNet {
  /** Registry name of the architecture, e.g. `vgg11`. */
  readonly architecture: string;
  readonly inputShape: readonly [number, number, number];
  readonly numClasses: number;
  /** Every conv-BN unit in forward order, by stable name. */
  readonly units: ReadonlyMap<string, ConvBnUnit>;
  /**
   * An ensemble (seeds trained together): how many members. Every variable then has a leading member
   * dimension, inputs and logits hold the members' batches one after another, and it trains only.
   */
  readonly members?: number;
  /** Linear head `[features, classes]` and its bias. */
  readonly headKernel: Variable;
  readonly headBias: Variable;
  /** Logits `[batch, classes]`. */
  forward(x: tf.Tensor4D, options?: ForwardOptions): tf.Tensor2D;
  /** Variables the optimizer updates (conv kernels, γ, β, head). */
  trainableVariables(): Variable[];
  /**
   * Every variable with its logical name (`conv0.kernel`, `head.bias`, ...), including BN running
   * statistics and masks: what checkpoints and hashes cover. (tfjs' own variable names carry a
   * per-instance prefix, since tfjs requires names to be unique in a process.)
   */
  namedVariables(): [string, Variable][];
  dispose(): void;
}
