/**
 * The alternative hypothesis of a test: `greater` means the first group (or the association) is
 * larger than under the null, `less` smaller, `two-sided` either.
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/**
 * p-value of a statistic with a symmetric null distribution given its survival function P(X > x):
 * each tail is read as a tail, so it stays exact far out (docs/methods/verdicts.md §8.4).
 *
 * @example
 * ```ts
 * pValueFromSurvival(normalSf, 1.96, 'two-sided'); // ≈ 0.05
 * ```
 */
export function pValueFromSurvival(sf: (x: number) => number, statistic: number, alternative: Alternative): number {
  if (alternative === 'greater') return sf(statistic);
  if (alternative === 'less') return sf(-statistic);
  return Math.min(1, 2 * sf(Math.abs(statistic)));
}
