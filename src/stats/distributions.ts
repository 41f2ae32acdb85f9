/**
 * Distribution functions from stdlib (https://github.com/stdlib-js/stdlib), the well-kept library
 * this project uses where simple-statistics has none (its normal CDF is a 2-decimal table).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';

/** Student's t CDF with `df` degrees of freedom. @example studentTCdf(2.0, 10) // 0.963306 */
export function studentTCdf(t: number, df: number): number {
  return tCdf(t, df);
}

/** Student's t quantile. @example studentTQuantile(0.975, 10) // 2.228139 */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Standard normal CDF. @example normalCdf(1.959964) // 0.975 */
export function normalCdf(z: number): number {
  return normalCdfStdlib(z, 0, 1);
}

/** Standard normal quantile. @example normalQuantile(0.975) // 1.959964 */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}
