import { mean, sampleStandardDeviation } from 'simple-statistics';
import { pValueFromSurvival, type Alternative } from './alternative.js';
import { studentTSf, studentTQuantile } from './distributions.js';
import type { Interval } from './interval.js';

/**
 * One-sample t-test of mean(x) against `mu` (https://en.wikipedia.org/wiki/Student%27s_t-test#One-sample_t-test).
 * `less` means the mean is below `mu`.
 *
 * @example
 * ```ts
 * oneSampleT([1, 2, 3, 4], { mu: 5, alternative: 'less' }).pValue; // 0.01523 (scipy ttest_1samp)
 * ```
 */
export function oneSampleT(
  x: readonly number[],
  options: { mu: number; alternative?: Alternative; level?: number },
): { statistic: number; pValue: number; meanDifference: number; ci: Interval } {
  if (x.length < 2) throw new Error(`oneSampleT: needs ≥ 2 values (got ${x.length})`);
  const level = options.level ?? 0.95;
  const df = x.length - 1;
  const diff = mean([...x]) - options.mu;
  const se = sampleStandardDeviation([...x]) / Math.sqrt(x.length);
  const alternative = options.alternative ?? 'two-sided';
  const statistic = se === 0 ? (diff === 0 ? 0 : Math.sign(diff) * Infinity) : diff / se;
  const pValue =
    se === 0
      ? (alternative === 'two-sided' ? diff !== 0 : alternative === 'greater' ? diff > 0 : diff < 0)
        ? 0
        : 1
      : pValueFromSurvival((t) => studentTSf(t, df), statistic, alternative);
  const half = studentTQuantile(1 - (1 - level) / 2, df) * se;
  return { statistic, pValue, meanDifference: diff, ci: { lower: diff - half, upper: diff + half, level } };
}
