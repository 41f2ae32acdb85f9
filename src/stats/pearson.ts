import { sampleCorrelation } from 'simple-statistics';
import { pValueFromSurvival, type Alternative } from './alternative.js';
import type { CorrelationResult } from './correlationResult.js';
import { studentTSf } from './distributions.js';
import { fisherZInterval } from './fisherZInterval.js';

/**
 * Pearson's r (simple-statistics' `sampleCorrelation`) with the t-test p-value on n − 2 degrees of
 * freedom and a Fisher-z CI (https://en.wikipedia.org/wiki/Pearson_correlation_coefficient).
 *
 * @example
 * ```ts
 * pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).pValue; // 0.1041 (scipy.stats.pearsonr)
 * ```
 */
export function pearson(x: readonly number[], y: readonly number[], options: { alternative?: Alternative; level?: number } = {}): CorrelationResult {
  if (x.length !== y.length || x.length < 3) throw new Error(`pearson: needs two samples of equal length ≥ 3 (got ${x.length} and ${y.length})`);
  const n = x.length;
  const r = Math.max(-1, Math.min(1, sampleCorrelation([...x], [...y])));
  const t = Math.abs(r) === 1 ? Math.sign(r) * Infinity : (r * Math.sqrt(n - 2)) / Math.sqrt(1 - r * r);
  return {
    statistic: r,
    pValue: pValueFromSurvival((v) => studentTSf(v, n - 2), t, options.alternative ?? 'two-sided'),
    n,
    ci: fisherZInterval(r, n, { level: options.level }),
  };
}
