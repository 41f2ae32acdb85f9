import type { Divergence } from '../engine/train/epochLog.js';
import type { EpochReading } from './epochReadings.js';

/**
 * What a claim reads of one run: a stored `RunResult`, or a run as `claims.json` records it (so a
 * report can be re-made from the document alone).
 */
export interface RunRecord {
  readonly seed: number;
  readonly epochs: readonly EpochReading[];
  readonly events: readonly { readonly epoch: number; readonly stability: number }[];
  readonly flatness?: { readonly curvature: number; readonly gradientSecondMoment: number; readonly epsilonFlatness?: number | null };
  /** Present (or true) when the run's loss became NaN/Inf: the run is left out of every statistic. */
  readonly diverged?: Divergence | boolean;
}

/** Whether a run enters statistics: it did not diverge and logged at least one epoch. */
export function isUsable(run: RunRecord): boolean {
  return (run.diverged === undefined || run.diverged === false) && run.epochs.length > 0;
}
