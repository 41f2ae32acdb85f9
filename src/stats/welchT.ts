import { mean, sampleVariance } from 'simple-statistics';
import type { Alternative } from './alternative.js';
import { pValueFromSurvival } from './alternative.js';
import { studentTSf, studentTQuantile } from './distributions.js';
import type { Interval } from './interval.js';

/** Result of {@link welchT}. */
export interface WelchResult {
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly pValue: number;
  /** mean(a) − mean(b). */
  readonly meanDifference: number;
  /** Two-sided CI of the mean difference at `level`. */
  readonly ci: Interval;
}

/**
 * Welch's unequal-variance t-test of mean(a) vs mean(b)
 * (https://en.wikipedia.org/wiki/Welch%27s_t-test). Means and variances from simple-statistics,
 * the t distribution from stdlib.
 *
 * @example
 * ```ts
 * welchT([1, 2, 3, 4], [3, 4, 5, 6, 7]).pValue; // 0.03494 (scipy: ttest_ind(..., equal_var=False))
 * ```
 */
export function welchT(a: readonly number[], b: readonly number[], options: { alternative?: Alternative; level?: number } = {}): WelchResult {
  if (a.length < 2 || b.length < 2) throw new Error(`welchT: each group needs ≥ 2 values (got ${a.length} and ${b.length})`);
  const level = options.level ?? 0.95;
  const va = sampleVariance([...a]) / a.length;
  const vb = sampleVariance([...b]) / b.length;
  const diff = mean([...a]) - mean([...b]);
  const se = Math.sqrt(va + vb);
  const welchDf = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  // degenerate variances (all values equal, or underflow) fall back to the pooled df
  const df = Number.isFinite(welchDf) && welchDf > 0 ? welchDf : a.length + b.length - 2;
  const alternative = options.alternative ?? 'two-sided';
  let statistic: number;
  let pValue: number;
  if (se === 0 || !Number.isFinite(diff / se)) {
    statistic = diff === 0 ? 0 : Math.sign(diff) * Infinity;
    const inClaimedDirection = alternative === 'two-sided' ? diff !== 0 : alternative === 'greater' ? diff > 0 : diff < 0;
    pValue = inClaimedDirection ? 0 : 1;
  } else {
    statistic = diff / se;
    pValue = pValueFromSurvival((t) => studentTSf(t, df), statistic, alternative);
  }
  const half = studentTQuantile(1 - (1 - level) / 2, df) * se;
  return {
    statistic,
    df,
    pValue,
    meanDifference: diff,
    ci: { lower: diff - half, upper: diff + half, level },
  };
}
