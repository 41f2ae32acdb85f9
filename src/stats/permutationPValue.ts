import { mean } from 'simple-statistics';
import { SeededRandom } from '../primitives/seededRandom.js';
import type { Alternative } from './alternative.js';

/** Result of {@link permutationPValue}. */
export interface PermutationResult {
  /** mean(a) − mean(b). */
  readonly statistic: number;
  readonly pValue: number;
  readonly permutations: number;
}

/**
 * Two-sample permutation test on the difference of means: the pooled values are reassigned at
 * random to groups of the original sizes (correct for unequal sizes), `permutations` times,
 * seeded; p = (b + 1)/(k + 1), which is never 0 (Phipson & Smyth 2010,
 * https://doi.org/10.2202/1544-6115.1585). simple-statistics' `permutationPValue` (7.12) splits
 * correctly now but returns b/k, which can be 0, so it is not used.
 *
 * @example
 * ```ts
 * permutationPValue([5, 6, 7], [1, 2, 3], { alternative: 'greater', seed: 1 }).pValue; // ≈ 0.05 (1/20 exact)
 * ```
 */
export function permutationPValue(
  a: readonly number[],
  b: readonly number[],
  options: { alternative?: Alternative; permutations?: number; seed?: number } = {},
): PermutationResult {
  const alternative = options.alternative ?? 'two-sided';
  const k = options.permutations ?? 9999;
  const rng = new SeededRandom(options.seed ?? 0);
  const pooled = [...a, ...b];
  const observed = mean([...a]) - mean([...b]);
  const total = pooled.reduce((s, v) => s + v, 0);
  const m = a.length;
  const n = b.length;
  const tolerance = 1e-12 * Math.max(1, Math.abs(observed));
  let extreme = 0;
  for (let i = 0; i < k; i++) {
    // partial Fisher-Yates: the first m positions form the permuted group a
    let sumA = 0;
    for (let j = 0; j < m; j++) {
      const r = j + rng.int(pooled.length - j);
      const t = pooled[j];
      pooled[j] = pooled[r];
      pooled[r] = t;
      sumA += pooled[j];
    }
    const d = sumA / m - (total - sumA) / n;
    if (
      alternative === 'greater' ? d >= observed - tolerance : alternative === 'less' ? d <= observed + tolerance : Math.abs(d) >= Math.abs(observed) - tolerance
    )
      extreme += 1;
  }
  return { statistic: observed, pValue: (extreme + 1) / (k + 1), permutations: k };
}
