import type { Alternative } from './alternative.js';
import type { Interval } from './interval.js';
import { oneSampleT } from './oneSampleT.js';

/** Result of {@link pairedT}. */
export interface PairedTResult {
  readonly statistic: number;
  /** n − 1. */
  readonly df: number;
  readonly pValue: number;
  /** mean(a − b). */
  readonly meanDifference: number;
  /** Two-sided CI of the mean difference at `level`. */
  readonly ci: Interval;
  /** Number of pairs. */
  readonly n: number;
}

/** Per-pair differences a[i] − b[i]; the samples must have equal length. */
export function pairedDifferences(a: readonly number[], b: readonly number[], who: string): number[] {
  if (a.length !== b.length) throw new Error(`${who}: paired samples must have equal length (got ${a.length} and ${b.length})`);
  return a.map((v, i) => v - b[i]);
}

/**
 * Paired (dependent-samples) t-test: the one-sample t-test of the per-pair differences a[i] − b[i]
 * against 0 (https://en.wikipedia.org/wiki/Student%27s_t-test#Dependent_t-test_for_paired_samples).
 * `greater` means a exceeds b.
 *
 * @example
 * ```ts
 * pairedT([69.18, 72.83, 70.82], [69.53, 71.02, 70.65]).df; // 2 (scipy.stats.ttest_rel)
 * ```
 */
export function pairedT(a: readonly number[], b: readonly number[], options: { alternative?: Alternative; level?: number } = {}): PairedTResult {
  const d = pairedDifferences(a, b, 'pairedT');
  if (d.length < 2) throw new Error(`pairedT: needs ≥ 2 pairs (got ${d.length})`);
  const r = oneSampleT(d, { mu: 0, alternative: options.alternative, level: options.level });
  return { statistic: r.statistic, df: d.length - 1, pValue: r.pValue, meanDifference: r.meanDifference, ci: r.ci, n: d.length };
}
