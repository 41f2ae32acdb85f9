import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { EffectSize } from './cohensD.js';
import { noncentralTCdfOfDelta } from './power.js';
import { pairedDifferences } from './pairedT.js';

/** The noncentrality δ with P(T ≤ t | df, δ) = p, by bisection (the CDF falls as δ grows). */
function noncentralityFor(t: number, df: number, p: number): number {
  // the CI of δ lies within t ± 20 for any n ≥ 2 at levels ≤ 0.999; 40 halvings leave < 1e-10
  const cdf = noncentralTCdfOfDelta(t, df);
  let lo = t - 20;
  let hi = t + 20;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Cohen's d_z for paired data: the mean of the differences a[i] − b[i] over their standard
 * deviation (Lakens 2013, https://doi.org/10.3389/fpsyg.2013.00863, eq. 7), with the exact CI from
 * inverting the noncentral t distribution of t = d_z·√n on n − 1 df.
 *
 * @example
 * ```ts
 * cohensDz([69.18, 72.83, 70.82, 66.61, 65.73, 71.74, 71.46, 66.49, 69.22, 70.14],
 *          [69.53, 71.02, 70.65, 65.25, 65.39, 71.99, 70.44, 65.77, 68.04, 70.31]).value; // ≈ 0.78 (SciPy nct)
 * ```
 */
export function cohensDz(a: readonly number[], b: readonly number[], options: { level?: number } = {}): EffectSize {
  const d = pairedDifferences(a, b, 'cohensDz');
  if (d.length < 2) throw new Error(`cohensDz: needs ≥ 2 pairs (got ${d.length})`);
  const level = options.level ?? 0.95;
  const sd = sampleStandardDeviation(d);
  const n = d.length;
  const value = sd === 0 ? Math.sign(mean(d)) * Infinity : mean(d) / sd;
  if (!Number.isFinite(value)) return { value, ci: { lower: value, upper: value, level } };
  const t = value * Math.sqrt(n);
  const lower = noncentralityFor(t, n - 1, 1 - (1 - level) / 2) / Math.sqrt(n);
  const upper = noncentralityFor(t, n - 1, (1 - level) / 2) / Math.sqrt(n);
  return { value, ci: { lower, upper, level } };
}
