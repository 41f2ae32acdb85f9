/** One epoch of a run as readings see it; accuracies are fractions in [0, 1]. */
export interface EpochReading {
  /** 0-based. */
  readonly epoch: number;
  readonly testAccuracy: number;
  /** Running mean over the epoch's minibatches (absent in records that did not keep it). */
  readonly trainAccuracy?: number;
  readonly validationAccuracy?: number;
}

/** An accuracy read at one epoch. */
export interface EpochAccuracy {
  readonly epoch: number;
  readonly testAccuracy: number;
  /** Train − test accuracy there; undefined when the record has no train accuracy. */
  readonly gap?: number;
}

function at(log: EpochReading): EpochAccuracy {
  return { epoch: log.epoch, testAccuracy: log.testAccuracy, gap: log.trainAccuracy === undefined ? undefined : log.trainAccuracy - log.testAccuracy };
}

/** The first entry maximising `key` (earliest epoch on ties); undefined for no entry. */
function argmax<T>(entries: readonly T[], key: (entry: T) => number): T | undefined {
  return entries.reduce<T | undefined>((best, e) => (best === undefined || key(e) > key(best) ? e : best), undefined);
}

/**
 * The paper's "best test accuracy": the highest test accuracy on epochs `≥ windowStart` (earliest on
 * ties), with the gap there. Which window is a property of the comparison (see docs/methods/verdicts.md).
 *
 * @example
 * ```ts
 * bestInWindow([{ epoch: 0, testAccuracy: 0.9 }, { epoch: 1, testAccuracy: 0.6 }, { epoch: 2, testAccuracy: 0.7 }], 1)?.epoch; // 2
 * ```
 */
export function bestInWindow(epochs: readonly EpochReading[], windowStart: number): EpochAccuracy | undefined {
  const best = argmax(
    epochs.filter((e) => e.epoch >= windowStart),
    (e) => e.testAccuracy,
  );
  return best && at(best);
}

/**
 * The held-out reading: the epoch `≥ windowStart` with the highest validation accuracy (earliest on
 * ties), and test accuracy there; undefined without a validation split.
 *
 * @example
 * ```ts
 * heldoutInWindow([{ epoch: 0, testAccuracy: 0.9, validationAccuracy: 0.1 }, { epoch: 1, testAccuracy: 0.6, validationAccuracy: 0.7 }], 0)?.testAccuracy; // 0.6
 * ```
 */
export function heldoutInWindow(epochs: readonly EpochReading[], windowStart: number): EpochAccuracy | undefined {
  const chosen = argmax(
    epochs.filter((e) => e.epoch >= windowStart && e.validationAccuracy !== undefined),
    (e) => e.validationAccuracy ?? 0,
  );
  return chosen && at(chosen);
}

/** Test accuracy and gap at the last epoch. @example finalEpoch([{ epoch: 0, testAccuracy: 0.5 }, { epoch: 1, testAccuracy: 0.6 }])?.testAccuracy // 0.6 */
export function finalEpoch(epochs: readonly EpochReading[]): EpochAccuracy | undefined {
  const last = epochs.at(-1);
  return last && at(last);
}

/** The epoch of a run's last pruning event, 0 without events (the authors' `last_pruned_epoch`). @example lastEventEpoch([{ epoch: 4 }, { epoch: 7 }]) // 7 */
export function lastEventEpoch(events: readonly { readonly epoch: number }[]): number {
  return events.reduce((last, e) => Math.max(last, e.epoch), 0);
}
