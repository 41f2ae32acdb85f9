import { pValueFromSurvival, type Alternative } from './alternative.js';
import { normalSf } from './distributions.js';
import { pairedDifferences } from './pairedT.js';
import { averageRanks } from './ranks.js';

/** Result of {@link wilcoxonSignedRank}. */
export interface WilcoxonResult {
  /** Two-sided: min(R+, R−); one-sided: R+ (as SciPy reports it). */
  readonly statistic: number;
  readonly pValue: number;
  /** `exact` (no ties, no zeros, n ≤ 50) or `normal` (tie-corrected, zeros dropped). */
  readonly method: 'exact' | 'normal';
  /** Pairs used (non-zero differences). */
  readonly n: number;
}

/** Null distribution of R+ for n untied ranks: counts of each sum 0 … n(n+1)/2 over the 2ⁿ sign patterns. */
function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) for (let s = max; s >= k; s--) counts[s] += counts[s - k];
  return counts;
}

/**
 * Wilcoxon signed-rank test of the paired differences a[i] − b[i]
 * (https://en.wikipedia.org/wiki/Wilcoxon_signed-rank_test), as SciPy's `wilcoxon` with
 * `zero_method='wilcox'` and no continuity correction: the exact null distribution when there are no
 * ties and no zeros and n ≤ 50, else the normal approximation with zeros dropped and the tie-corrected
 * variance (SciPy's `method='approx'`). `greater` means a exceeds b.
 *
 * @example
 * ```ts
 * wilcoxonSignedRank([3, 5, 4, 6, 7, 5, 8, 6, 4, 7, 9, 5], [2, 5, 3, 4, 6, 6, 5, 4, 4, 5, 6, 3]).pValue; // 0.009774 (scipy, approx)
 * ```
 */
export function wilcoxonSignedRank(a: readonly number[], b: readonly number[], options: { alternative?: Alternative } = {}): WilcoxonResult {
  const alternative = options.alternative ?? 'two-sided';
  const all = pairedDifferences(a, b, 'wilcoxonSignedRank');
  const d = all.filter((v) => v !== 0);
  if (d.length === 0) throw new Error('wilcoxonSignedRank: every difference is zero; the test is undefined');
  const { ranks, tieSizes } = averageRanks(d.map(Math.abs));
  const n = d.length;
  const rPlus = d.reduce((s, v, i) => s + (v > 0 ? ranks[i] : 0), 0);
  const rMinus = (n * (n + 1)) / 2 - rPlus;
  const statistic = alternative === 'two-sided' ? Math.min(rPlus, rMinus) : rPlus;
  if (tieSizes.length === 0 && d.length === all.length && n <= 50) {
    const counts = signedRankCounts(n);
    const total = 2 ** n;
    const upper = counts.slice(rPlus).reduce((s, c) => s + c, 0) / total;
    const lower = counts.slice(0, rPlus + 1).reduce((s, c) => s + c, 0) / total;
    const pValue =
      alternative === 'greater'
        ? upper
        : alternative === 'less'
          ? lower
          : rPlus === Math.floor((n * (n + 1)) / 4)
            ? 1
            : Math.min(1, 2 * Math.min(upper, lower));
    return { statistic, pValue, method: 'exact', n };
  }
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1) - 0.5 * tieSizes.reduce((s, t) => s + t * (t * t - 1), 0)) / 24;
  const z = (statistic - mean) / Math.sqrt(variance);
  const pValue = pValueFromSurvival(normalSf, z, alternative);
  return { statistic, pValue, method: 'normal', n };
}
