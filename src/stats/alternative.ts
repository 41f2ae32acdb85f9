/**
 * The alternative hypothesis of a test: `greater` means the first group (or the association) is
 * larger than under the null, `less` smaller, `two-sided` either.
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/**
 * p-value of a statistic with a symmetric null distribution given its CDF.
 *
 * @example
 * ```ts
 * pValueFromCdf(normalCdf, 1.96, 'two-sided'); // ≈ 0.05
 * ```
 */
export function pValueFromCdf(cdf: (x: number) => number, statistic: number, alternative: Alternative): number {
  const lower = cdf(statistic);
  const upper = 1 - cdf(statistic);
  if (alternative === 'greater') return upper;
  if (alternative === 'less') return lower;
  return Math.min(1, 2 * Math.min(lower, upper));
}
