import { sampleStandardDeviation } from 'simple-statistics';
import { commonWindow, metricRegistry, type MetricName } from '../readings/runMetrics.js';
import { isUsable, type RunRecord } from '../readings/runRecord.js';
import { twoOneSidedTests } from '../stats/twoOneSidedTests.js';
import { holm } from '../stats/holm.js';
import type { Interval } from '../stats/interval.js';
import { pairedT } from '../stats/pairedT.js';

/**
 * What the crosscheck compares, per arm: mean stability (arms that prune; it is 100 by definition
 * otherwise), best and final test accuracy (common window), the gap at the best epoch.
 */
export const crosscheckMetrics = ['stability', 'best', 'final', 'gap'] as const satisfies readonly MetricName[];
export type CrosscheckMetric = (typeof crosscheckMetrics)[number];

/**
 * Equivalence margins of the crosscheck, fixed before it first ran: ±5 stability points, ±1.5
 * accuracy points (fractions here) for accuracies and the gap. Engine and replica "train alike" on an
 * arm-metric when the paired mean difference is shown inside (−margin, +margin) by TOST at α.
 */
export const crosscheckMargins = { stability: 5, best: 0.015, final: 0.015, gap: 0.015 } as const satisfies Record<CrosscheckMetric, number>;

/** One arm's runs in both frameworks, on the same seeds. */
export interface CrosscheckArm {
  readonly arm: string;
  readonly engine: readonly RunRecord[];
  readonly replica: readonly RunRecord[];
}

/** One arm-metric of the crosscheck. */
export interface CrosscheckRow {
  readonly arm: string;
  readonly metric: CrosscheckMetric;
  /** Seeds where both runs are usable. */
  readonly n: number;
  readonly engineMean: number;
  readonly replicaMean: number;
  /** Mean of engine − replica over the seeds, with its two-sided CI at `level`. */
  readonly difference: number;
  readonly ci: Interval;
  /** Two-sided paired t p of "no difference", and Holm-adjusted over every row. */
  readonly pDifference: number;
  readonly pDifferenceHolm: number;
  readonly margin: number;
  /** TOST p of "the difference lies inside ±margin". */
  readonly pEquivalence: number;
  /** TOST shown at α. Every row at once is shown at α too (intersection–union: no adjustment). */
  readonly equivalent: boolean;
  /** Holm-adjusted p ≤ α: the frameworks differ on this arm-metric. */
  readonly differs: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The crosscheck's table: per arm and metric, both means, the paired difference (seed by seed: the
 * same seed draws the same data in both) with its CI, the paired t test with Holm's adjustment over
 * all rows, and the TOST at {@link crosscheckMargins}. Accuracies are read on one common window: from
 * the latest last-event epoch over every run of both frameworks.
 *
 * @example
 * ```ts
 * crosscheckTable([{ arm: 'no pruning', engine: runsA, replica: runsB }])[0].equivalent; // true when TOST p ≤ 0.05
 * ```
 */
export function crosscheckTable(arms: readonly CrosscheckArm[], options: { alpha?: number } = {}): CrosscheckRow[] {
  const alpha = options.alpha ?? 0.05;
  const window = commonWindow(arms.flatMap((a) => [...a.engine, ...a.replica]).filter(isUsable));
  const rows = arms.flatMap(({ arm, engine, replica }) => {
    const bySeed = new Map(replica.map((r) => [r.seed, r]));
    const missing = engine.filter((r) => !bySeed.has(r.seed)).map((r) => r.seed);
    if (missing.length > 0 || engine.length !== replica.length)
      throw new Error(`crosscheck arm '${arm}': the replica lacks seeds ${missing.join(', ') || '(counts differ)'}; both frameworks need the same seeds`);
    const pairs = engine.map((e) => [e, bySeed.get(e.seed) as RunRecord] as const).filter(([e, r]) => isUsable(e) && isUsable(r));
    const pruned = pairs.some(([e, r]) => e.events.length + r.events.length > 0);
    return crosscheckMetrics
      .filter((metric) => pruned || metric !== 'stability')
      .map((metric) => {
        const read = (run: RunRecord) => metricRegistry[metric](run, window);
        const values = pairs
          .map(([e, r]) => [read(e), read(r)] as const)
          .filter((v): v is readonly [number, number] => v[0] !== undefined && v[1] !== undefined);
        const a = values.map((v) => v[0]);
        const b = values.map((v) => v[1]);
        const t = pairedT(a, b, { level: 1 - alpha });
        const margin = crosscheckMargins[metric];
        const standardError = sampleStandardDeviation(a.map((v, i) => v - b[i])) / Math.sqrt(values.length);
        const tost = twoOneSidedTests({ estimate: t.meanDifference, standardError, df: t.df, lower: -margin, upper: margin });
        return {
          arm,
          metric,
          n: values.length,
          engineMean: mean(a),
          replicaMean: mean(b),
          difference: t.meanDifference,
          ci: t.ci,
          pDifference: t.pValue,
          margin,
          pEquivalence: tost.pValue,
        };
      });
  });
  const adjusted = holm(rows.map((r) => r.pDifference));
  return rows.map((r, i) => ({ ...r, pDifferenceHolm: adjusted[i], equivalent: r.pEquivalence <= alpha, differs: adjusted[i] <= alpha }));
}
