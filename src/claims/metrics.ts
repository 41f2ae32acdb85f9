import type { RunResult } from '../experiment/runResult.js';

/** Reads one number from a run; `undefined` when the run does not have it (e.g. no validation split). */
export type RunMetric = (run: RunResult) => number | undefined;

/**
 * Run metrics by name; adding one is one line here. Accuracies are fractions in [0, 1],
 * stability in percent.
 */
export const metricRegistry = {
  /** Mean event stability (100 without events). */
  stability: (r) => r.summary?.meanStability,
  /** The paper's metric: max test accuracy at or after the last event. */
  best: (r) => r.summary?.best.testAccuracy,
  /** Test accuracy at the last epoch. */
  final: (r) => r.summary?.final.testAccuracy,
  /** Test accuracy at the epoch chosen on the validation split. */
  heldout: (r) => r.summary?.heldout?.testAccuracy,
  /** Generalization gap (train − test accuracy) at the best epoch. */
  gap: (r) => r.summary?.best.gap,
  /** Generalization gap at the last epoch. */
  'final-gap': (r) => r.summary?.final.gap,
  /** Generalization gap at the held-out epoch. */
  'heldout-gap': (r) => r.summary?.heldout?.gap,
  /** Sum of the top Hessian eigenvalues at the end of training. */
  curvature: (r) => r.flatness?.curvature,
  /** Mean ‖∇loss‖² over single examples. */
  'gradient-second-moment': (r) => r.flatness?.gradientSecondMoment,
  'epsilon-flatness': (r) => r.flatness?.epsilonFlatness ?? undefined,
} satisfies Record<string, RunMetric>;

export type MetricName = keyof typeof metricRegistry;

/** The three readings of test accuracy (issue: verdicts under three metrics). */
export const accuracyMetrics = ['best', 'final', 'heldout'] as const satisfies readonly MetricName[];

/** The gap readings matching each accuracy reading. */
export const gapMetrics = { best: 'gap', final: 'final-gap', heldout: 'heldout-gap' } as const satisfies Record<(typeof accuracyMetrics)[number], MetricName>;
