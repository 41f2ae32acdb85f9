import { cohensD, standardisedInterval, type EffectSize } from './cohensD.js';

/**
 * Hedges' g: Cohen's d times the small-sample correction J = 1 − 3/(4(n₁+n₂) − 9)
 * (https://en.wikipedia.org/wiki/Effect_size#Hedges'_g).
 *
 * @example
 * ```ts
 * hedgesG([2, 4, 6], [1, 2, 3]).value; // 1.0120 (= 1.2649 · 0.8)
 * ```
 */
export function hedgesG(a: readonly number[], b: readonly number[], options: { level?: number } = {}): EffectSize {
  const d = cohensD(a, b, options).value;
  const g = d * (1 - 3 / (4 * (a.length + b.length) - 9));
  return { value: g, ci: standardisedInterval(g, a.length, b.length, options.level ?? 0.95) };
}
