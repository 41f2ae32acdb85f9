import { SeededRandom } from '../primitives/seededRandom.js';
import type { Alternative } from './alternative.js';
import { pairedDifferences } from './pairedT.js';

/** Result of {@link signFlip}. */
export interface SignFlipResult {
  /** mean(a − b). */
  readonly statistic: number;
  readonly pValue: number;
  /** `exact` (all 2ⁿ sign patterns) or `monte-carlo`. */
  readonly method: 'exact' | 'monte-carlo';
  readonly permutations: number;
}

/**
 * Sign-flip permutation test of paired data: under the null the sign of each pair's difference is
 * exchangeable, so the mean difference is compared with its values over sign patterns
 * (https://en.wikipedia.org/wiki/Permutation_test). Exact over all 2ⁿ patterns for n ≤ `exactUpTo`
 * (default 16; p = share of patterns at least as extreme, as SciPy's `permutation_test` with
 * `permutation_type='samples'`), else `permutations` seeded random patterns with p = (b + 1)/(k + 1).
 *
 * @example
 * ```ts
 * signFlip([69.18, 72.83, 70.82, 66.61], [69.53, 71.02, 70.65, 65.25], { alternative: 'greater' }).method; // 'exact'
 * ```
 */
export function signFlip(
  a: readonly number[],
  b: readonly number[],
  options: { alternative?: Alternative; permutations?: number; seed?: number; exactUpTo?: number } = {},
): SignFlipResult {
  const alternative = options.alternative ?? 'two-sided';
  const d = pairedDifferences(a, b, 'signFlip');
  const n = d.length;
  if (n < 1) throw new Error('signFlip: needs ≥ 1 pair');
  const observed = d.reduce((s, v) => s + v, 0);
  const tolerance =
    1e-12 *
    Math.max(
      1,
      d.reduce((s, v) => s + Math.abs(v), 0),
    );
  const extreme = (sum: number) =>
    alternative === 'greater'
      ? sum >= observed - tolerance
      : alternative === 'less'
        ? sum <= observed + tolerance
        : Math.abs(sum) >= Math.abs(observed) - tolerance;
  if (n <= (options.exactUpTo ?? 16)) {
    let count = 0;
    const patterns = 2 ** n;
    for (let mask = 0; mask < patterns; mask++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += mask & (1 << i) ? -d[i] : d[i];
      if (extreme(sum)) count += 1;
    }
    return { statistic: observed / n, pValue: count / patterns, method: 'exact', permutations: patterns };
  }
  const k = options.permutations ?? 20_000;
  const rng = new SeededRandom(options.seed ?? 0);
  let count = 0;
  for (let p = 0; p < k; p++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.next() < 0.5 ? -d[i] : d[i];
    if (extreme(sum)) count += 1;
  }
  return { statistic: observed / n, pValue: (count + 1) / (k + 1), method: 'monte-carlo', permutations: k };
}
