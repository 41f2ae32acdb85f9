/**
 * Distribution functions from stdlib (https://github.com/stdlib-js/stdlib), the well-kept library
 * this project uses where simple-statistics has none (its normal CDF is a 2-decimal table). Upper
 * tails are computed as survival functions, never as 1 − CDF, so that they stay exact far into the
 * tail (docs/methods/verdicts.md §8.4).
 */
import betainc from '@stdlib/math-base-special-betainc';
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';

/** Student's t CDF with `df` degrees of freedom. @example studentTCdf(2.0, 10) // 0.963306 */
export function studentTCdf(t: number, df: number): number {
  return tCdf(t, df);
}

/**
 * Student's t survival function P(T > t), from the regularised incomplete beta:
 * ½·I_{df/(df+t²)}(df/2, ½) for t ≥ 0 (the normal's for df = ∞).
 *
 * @example studentTSf(20, 10) // 1.0723e-9 (scipy.stats.t.sf)
 */
export function studentTSf(t: number, df: number): number {
  if (df === Infinity) return normalSf(t);
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = 0.5 * betainc(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** Student's t quantile. @example studentTQuantile(0.975, 10) // 2.228139 */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Standard normal CDF. @example normalCdf(1.959964) // 0.975 */
export function normalCdf(z: number): number {
  return normalCdfStdlib(z, 0, 1);
}

/** Standard normal survival function P(Z > z) = ½·erfc(z/√2). @example normalSf(15) // 3.6710e-51 (scipy.stats.norm.sf) */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Standard normal quantile. @example normalQuantile(0.975) // 1.959964 */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}

/** The z whose upper tail is p (inverse survival function, √2·erfc⁻¹(2p)), exact for tiny p. @example normalUpperQuantile(1e-50) // 14.933337 */
export function normalUpperQuantile(p: number): number {
  return Math.SQRT2 * erfcinv(2 * p);
}
