import { bootstrapInterval } from './bootstrapInterval.js';
import type { EffectSize } from './cohensD.js';

/** δ = P(a > b) − P(a < b) over all pairs. */
function delta(a: readonly number[], b: readonly number[]): number {
  let more = 0;
  let less = 0;
  for (const x of a)
    for (const y of b) {
      if (x > y) more++;
      else if (x < y) less++;
    }
  return (more - less) / (a.length * b.length);
}

/**
 * Cliff's δ (https://en.wikipedia.org/wiki/Effect_size#Effect_size_for_ordinal_data), a rank
 * effect size in [−1, 1], with a seeded percentile-bootstrap CI.
 *
 * @example
 * ```ts
 * cliffsDelta([3, 4, 5], [1, 2, 3]).value; // 0.8889
 * ```
 */
export function cliffsDelta(a: readonly number[], b: readonly number[], options: { level?: number; seed?: number } = {}): EffectSize {
  return {
    value: delta(a, b),
    ci: bootstrapInterval({ samples: [a, b], statistic: ([x, y]) => delta(x, y), level: options.level, seed: options.seed, method: 'percentile' }),
  };
}
