import { deriveSeed, SeededRandom } from '../primitives/seededRandom.js';
import { bestInWindow, finalEpoch, heldoutInWindow, lastEventEpoch } from './epochReadings.js';
import { meanStability } from '../pruning/stability.js';
import type { RunRecord } from './runRecord.js';

/** Where a claim reads accuracies: the common window of its arms (docs/methods/verdicts.md). */
export interface ReadingWindow {
  /** First epoch read: the latest last-event epoch over every run of the claim's arms (0 without events). */
  readonly start: number;
}

/** Reads one number from a run in a claim's window; `undefined` when the run does not have it. */
export type RunMetric = (run: RunRecord, window: ReadingWindow) => number | undefined;

/**
 * A N(0, 1) draw from the seed alone, shared by every run of that seed and independent of training
 * by construction: the covariate of the A/A correlation control.
 *
 * @example
 * ```ts
 * placeboDraw(101) === placeboDraw(101); // true
 * ```
 */
export function placeboDraw(seed: number): number {
  return new SeededRandom(deriveSeed(seed, 'placebo')).normal();
}

/**
 * Run metrics by name; adding one is one line here. Accuracies are fractions in [0, 1], stability in
 * percent. Accuracy readings take the claim's common window; `*-authors` take each run's own window
 * (from its last event, 0 without events), as the authors' analysis code does.
 */
const metricDefinitions = {
  /** Mean event stability (100 without events). */
  stability: (r) => meanStability(r.events.map((e) => e.stability)),
  /** The paper's metric on the common window: max test accuracy on epochs ≥ the claim's window start. */
  best: (r, w) => bestInWindow(r.epochs, w.start)?.testAccuracy,
  /** Test accuracy at the last epoch. */
  final: (r) => finalEpoch(r.epochs)?.testAccuracy,
  /** Test accuracy at the epoch of the common window chosen on the validation split. */
  heldout: (r, w) => heldoutInWindow(r.epochs, w.start)?.testAccuracy,
  /** Generalization gap (train − test accuracy) at the `best` epoch. */
  gap: (r, w) => bestInWindow(r.epochs, w.start)?.gap,
  /** Generalization gap at the last epoch. */
  'final-gap': (r) => finalEpoch(r.epochs)?.gap,
  /** Generalization gap at the held-out epoch. */
  'heldout-gap': (r, w) => heldoutInWindow(r.epochs, w.start)?.gap,
  /** Best test accuracy on the run's own window (the authors' code): reported, never deciding. */
  'best-authors': (r) => bestInWindow(r.epochs, lastEventEpoch(r.events))?.testAccuracy,
  /** Gap at the `best-authors` epoch. */
  'gap-authors': (r) => bestInWindow(r.epochs, lastEventEpoch(r.events))?.gap,
  /** Sum of the top Hessian eigenvalues at the end of training. */
  curvature: (r) => r.flatness?.curvature,
  /** Mean ‖∇loss‖² over single examples. */
  'gradient-second-moment': (r) => r.flatness?.gradientSecondMoment,
  'epsilon-flatness': (r) => r.flatness?.epsilonFlatness ?? undefined,
  /** A/A control covariate: {@link placeboDraw} of the run's seed. */
  placebo: (r) => placeboDraw(r.seed),
} as const satisfies Record<string, RunMetric>;

export type MetricName = keyof typeof metricDefinitions;

/** The registry, each reading callable with (run, window). */
export const metricRegistry: Readonly<Record<MetricName, RunMetric>> = metricDefinitions;

/** The readings of test accuracy: `best` decides; `final`, `heldout` and the authors' window beside it. */
export const accuracyMetrics = ['best', 'final', 'heldout', 'best-authors'] as const satisfies readonly MetricName[];

/** The gap reading matching each accuracy reading. */
export const gapMetrics = { best: 'gap', final: 'final-gap', heldout: 'heldout-gap', 'best-authors': 'gap-authors' } as const satisfies Record<
  (typeof accuracyMetrics)[number],
  MetricName
>;

/** Metrics read on the claim's common window (the others need no window). */
export const windowedMetrics: readonly MetricName[] = ['best', 'heldout', 'gap', 'heldout-gap'];

/**
 * The common window of a claim: from the latest last-event epoch over the usable runs of its arms.
 *
 * @example
 * ```ts
 * commonWindow([{ events: [{ epoch: 14 }] }, { events: [] }]).start; // 14
 * ```
 */
export function commonWindow(runs: readonly { readonly events: readonly { readonly epoch: number }[] }[]): ReadingWindow {
  return { start: runs.reduce((start, r) => Math.max(start, lastEventEpoch(r.events)), 0) };
}
