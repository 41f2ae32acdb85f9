import type { PreparedData } from '../data/preparedData.js';
import type { ConvBnUnit } from '../models/convBnUnit.js';
import type { ConvNet } from '../models/convNet.js';
import type { Optimizer } from '../optim/optimizer.js';
import type { tf } from '../tf.js';
import type { Evaluation } from './evaluate.js';
import type { TrainConfig } from './trainConfig.js';

/** What a hook sees of a run in progress. */
export interface TrainingContext {
  readonly config: TrainConfig;
  readonly seed: number;
  readonly model: ConvNet;
  readonly optimizer: Optimizer;
  readonly data: PreparedData;
  /** Current 0-based epoch. */
  readonly epoch: number;
  /** Training batches completed so far in the whole run. */
  readonly step: number;
  /** Evaluates the model now, in eval mode, on the test (default) or validation split. */
  evaluate(split?: 'test' | 'validation'): Promise<Evaluation>;
}

/** End-of-epoch evaluations that the loop logs. */
export interface EpochEvaluation {
  readonly test: Evaluation;
  readonly validation?: Evaluation;
}

/** The hooks around each training batch. */
export type BatchMoment = 'beforeBatch' | 'afterBatch';

/**
 * Extension points of the training loop; pruning and perturbation variants are built from these.
 * All are optional; the loop awaits each (tensor values are read asynchronously, as a GPU backend needs), except
 * `observe`, which runs inside the forward pass and only builds tensors. `Report` is what `report`
 * gives when training ends, which `trainRun` returns.
 */
export interface TrainingHooks<Report = void> {
  /** Once, after the model and optimizer exist and before the first batch (e.g. `scratch` pruning). */
  beforeTraining?(context: TrainingContext): void | Promise<void>;
  /** Before each training batch's forward pass (e.g. noise injection, zeroing windows). */
  beforeBatch?(context: TrainingContext): void | Promise<void>;
  /** After each optimizer step (e.g. re-applying masks, activation score updates). */
  afterBatch?(context: TrainingContext): void | Promise<void>;
  /**
   * Whether the next `beforeBatch` or `afterBatch` may read or change the model or optimizer. Seeds
   * trained together copy the ensemble's state out to each member's model, and back, only around batch
   * hooks that may. Without it, a batch hook is taken to use them every time.
   */
  usesModel?(moment: BatchMoment): boolean;
  /**
   * Each unit's output during training forward passes (tensors are freed after the step). Define it
   * only where it is used: with it, each unit's ReLU runs as its own op instead of inside batch norm.
   */
  observe?(unit: ConvBnUnit, output: tf.Tensor4D, context: TrainingContext): void;
  /**
   * After the epoch's training batches and its evaluation. A pruning event evaluates, prunes,
   * evaluates again and returns the post-event evaluation, which is then the epoch's logged one.
   */
  afterEpoch?(context: TrainingContext, evaluation: EpochEvaluation): EpochEvaluation | void | Promise<EpochEvaluation | void>;
  /** What the hooks have to report when training ends (e.g. the pruning events); `trainRun` returns it as `report`. */
  report?(): Report;
}
