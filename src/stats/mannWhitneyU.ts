import type { Alternative } from './alternative.js';
import { pValueFromSurvival } from './alternative.js';
import { normalSf } from './distributions.js';
import { averageRanks } from './ranks.js';

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /** U of the first group: the number of pairs (a, b) with a > b, ties counting ½. */
  readonly statistic: number;
  readonly pValue: number;
  readonly method: 'exact' | 'normal';
}

/** Number of arrangements with each U for sizes m, n (no ties): the exact null distribution. */
function exactUCounts(m: number, n: number): Float64Array {
  // f[i][j][u]: arrangements of i a's and j b's with statistic u; rolled over i.
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const next: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const cur = new Float64Array(size);
      // the largest element is an a (adds j to U) or a b (adds 0)
      const withA = prev[j];
      const withB = next[j - 1];
      for (let u = 0; u < size; u++) cur[u] = (u - j >= 0 && u - j < withA.length ? withA[u - j] : 0) + (u < withB.length ? withB[u] : 0);
      next.push(cur);
    }
    prev = next;
  }
  return prev[n];
}

/**
 * Mann-Whitney U test (https://en.wikipedia.org/wiki/Mann%E2%80%93Whitney_U_test): exact null
 * distribution when both groups have ≤ 25 values and there are no ties; otherwise the normal
 * approximation with tie correction and continuity correction (as scipy's `method='asymptotic'`).
 * `greater` means values of `a` tend to be larger.
 *
 * @example
 * ```ts
 * mannWhitneyU([1.1, 2.2, 3.3, 4.4], [3.5, 4.6, 5.7, 6.8, 7.9]).pValue; // 0.03175 (exact, scipy)
 * ```
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[], options: { alternative?: Alternative } = {}): MannWhitneyResult {
  const alternative = options.alternative ?? 'two-sided';
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) throw new Error('mannWhitneyU: both groups need values');
  const { ranks, tieSizes } = averageRanks([...a, ...b]);
  const rankSumA = ranks.slice(0, m).reduce((s, r) => s + r, 0);
  const u = rankSumA - (m * (m + 1)) / 2;
  if (tieSizes.length === 0 && m <= 25 && n <= 25) {
    const counts = exactUCounts(m, n);
    const total = counts.reduce((s, c) => s + c, 0);
    const cdf = (k: number) => counts.slice(0, Math.floor(k) + 1).reduce((s, c) => s + c, 0) / total;
    const sf = (k: number) => counts.slice(Math.ceil(k)).reduce((s, c) => s + c, 0) / total;
    const p = alternative === 'greater' ? sf(u) : alternative === 'less' ? cdf(u) : Math.min(1, 2 * Math.min(cdf(u), sf(u)));
    return { statistic: u, pValue: p, method: 'exact' };
  }
  const N = m + n;
  const tie = tieSizes.reduce((s, t) => s + t ** 3 - t, 0);
  const sd = Math.sqrt(((m * n) / 12) * (N + 1 - tie / (N * (N - 1))));
  const centred = u - (m * n) / 2;
  const corrected = (c: number) => (sd === 0 ? 0 : c / sd);
  let p: number;
  if (alternative === 'two-sided') p = pValueFromSurvival(normalSf, corrected(Math.sign(centred) * Math.max(0, Math.abs(centred) - 0.5)), 'two-sided');
  else if (alternative === 'greater') p = normalSf(corrected(centred - 0.5));
  else p = normalSf(-corrected(centred + 0.5));
  return { statistic: u, pValue: Math.min(1, p), method: 'normal' };
}
