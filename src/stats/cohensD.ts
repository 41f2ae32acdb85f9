import { mean, sampleVariance } from 'simple-statistics';
import { normalQuantile } from './distributions.js';
import type { Interval } from './interval.js';

/** A standardised mean difference with its CI. */
export interface EffectSize {
  readonly value: number;
  readonly ci: Interval;
}

/**
 * Cohen's d = (mean(a) − mean(b)) / pooled sd (https://en.wikipedia.org/wiki/Effect_size#Cohen's_d),
 * CI from the large-sample standard error √((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))) (Hedges & Olkin 1985).
 *
 * @example
 * ```ts
 * cohensD([2, 4, 6], [1, 2, 3]).value; // 1.2649
 * ```
 */
export function cohensD(a: readonly number[], b: readonly number[], options: { level?: number } = {}): EffectSize {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 < 2 || n2 < 2) throw new Error(`cohensD: each group needs ≥ 2 values (got ${n1} and ${n2})`);
  const pooled = Math.sqrt(((n1 - 1) * sampleVariance([...a]) + (n2 - 1) * sampleVariance([...b])) / (n1 + n2 - 2));
  const diff = mean([...a]) - mean([...b]);
  const d = pooled === 0 ? (diff === 0 ? 0 : Math.sign(diff) * Infinity) : diff / pooled;
  return { value: d, ci: standardisedInterval(d, n1, n2, options.level ?? 0.95) };
}

/** Normal-approximation CI of a standardised mean difference. */
export function standardisedInterval(d: number, n1: number, n2: number, level: number): Interval {
  const se = Math.sqrt((n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2)));
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return { lower: d - half, upper: d + half, level };
}
