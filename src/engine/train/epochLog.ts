/** One epoch of a run's log. Accuracies are fractions in [0, 1]. */
export interface EpochLog {
  /** 0-based. */
  readonly epoch: number;
  readonly learningRate: number;
  /** Running mean over the epoch's minibatches, in train mode (as the paper's code logs it). */
  readonly trainAccuracy: number;
  readonly trainLoss: number;
  /** Test accuracy at the end of the epoch (after any pruning event of that epoch). */
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly validationAccuracy?: number;
  readonly seconds: number;
}

/** A run whose loss became NaN/Inf: it stops there and is never averaged as a normal result. */
export interface Divergence {
  readonly epoch: number;
  readonly step: number;
}
