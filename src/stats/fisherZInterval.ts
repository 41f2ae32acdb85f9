import { normalQuantile } from './distributions.js';
import type { Interval } from './interval.js';

/**
 * Confidence interval of a correlation through Fisher's z = atanh(r) with standard error
 * `seScale / √(n − shift)`: Pearson (1, 3), Spearman (√1.06, 3), Kendall (√0.437, 4) —
 * Fieller, Hartley & Pearson (1957), https://doi.org/10.1093/biomet/44.3-4.470.
 */
export function fisherZInterval(r: number, n: number, options: { level?: number; seScale?: number; shift?: number } = {}): Interval {
  const level = options.level ?? 0.95;
  const shift = options.shift ?? 3;
  if (n - shift <= 0) return { lower: -1, upper: 1, level };
  const z = Math.atanh(Math.max(-0.999999999, Math.min(0.999999999, r)));
  const half = (normalQuantile(1 - (1 - level) / 2) * (options.seScale ?? 1)) / Math.sqrt(n - shift);
  return { lower: Math.tanh(z - half), upper: Math.tanh(z + half), level };
}
