import type { EpochLog } from '../engine/train/trainRun.js';
import type { PruningEventLog } from '../pruning/pruningController.js';
import { meanStability } from './stability.js';

/** An accuracy read at one epoch. */
export interface EpochAccuracy {
  /** 0-based epoch. */
  readonly epoch: number;
  /** Test accuracy in [0, 1]. */
  readonly testAccuracy: number;
  /** Generalization gap there: train accuracy − test accuracy. */
  readonly gap: number;
}

/** What a run's epoch log and events mean in the paper's terms. */
export interface RunSummary {
  /** Unweighted mean event stability in percent; 100 without events. */
  readonly meanStability: number;
  readonly eventCount: number;
  /** First epoch the accuracy metrics look at: the last event's epoch (0 without events). */
  readonly windowStart: number;
  /** The paper's metric: max test accuracy at or after the last event (chosen on the test set). */
  readonly best: EpochAccuracy;
  /** Test accuracy at the last epoch. */
  readonly final: EpochAccuracy;
  /** Epoch chosen on the validation split (at or after the last event), test accuracy there. */
  readonly heldout?: EpochAccuracy & { readonly validationAccuracy: number };
  /** Mean test accuracy over the epochs at or after the last event. */
  readonly windowMeanAccuracy: number;
}

function at(log: EpochLog): EpochAccuracy {
  return { epoch: log.epoch, testAccuracy: log.testAccuracy, gap: log.trainAccuracy - log.testAccuracy };
}

/** The first entry of `logs` maximising `key` (earliest epoch on ties). */
function argmax(logs: readonly EpochLog[], key: (log: EpochLog) => number): EpochLog {
  return logs.reduce((best, l) => (key(l) > key(best) ? l : best));
}

/**
 * Summarises a run as the paper does (mean stability, best test accuracy after the last event and
 * the generalization gap there), plus the final-epoch and held-out readings.
 *
 * @example
 * ```ts
 * summarizeRun(outcome.epochs, pruning.events).best.testAccuracy; // e.g. 0.77
 * ```
 */
export function summarizeRun(epochs: readonly EpochLog[], events: readonly PruningEventLog[]): RunSummary {
  if (epochs.length === 0) throw new Error('summarizeRun: the run logged no epoch');
  const windowStart = events.at(-1)?.epoch ?? 0;
  const window = epochs.filter((e) => e.epoch >= windowStart);
  const withValidation = window.filter((e) => e.validationAccuracy !== undefined);
  const chosen = withValidation.length > 0 ? argmax(withValidation, (e) => e.validationAccuracy ?? 0) : undefined;
  return {
    meanStability: meanStability(events.map((e) => e.stability)),
    eventCount: events.length,
    windowStart,
    best: at(argmax(window, (e) => e.testAccuracy)),
    final: at(epochs[epochs.length - 1]),
    heldout: chosen ? { ...at(chosen), validationAccuracy: chosen.validationAccuracy ?? 0 } : undefined,
    windowMeanAccuracy: window.reduce((s, e) => s + e.testAccuracy, 0) / window.length,
  };
}
