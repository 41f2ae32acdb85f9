import { sampleStandardDeviation } from 'simple-statistics';
import type { EffectSize } from './cohensD.js';
import { pairedT } from './pairedT.js';

/** Hedges' small-sample correction for a paired design with n pairs: J = 1 − 3/(4(n − 1) − 1). */
export function pairedCorrection(n: number): number {
  return 1 - 3 / (4 * (n - 1) - 1);
}

/**
 * Hedges' g_av for paired data: the mean difference over the average of the two samples' standard
 * deviations, times J (Lakens 2013, https://doi.org/10.3389/fpsyg.2013.00863, eqs. 10–11), so that a
 * paired effect reads on the same scale as an unpaired Hedges' g. The CI is the paired-t CI of the
 * mean difference over the same standardiser (it ignores the standardiser's own sampling error).
 * `standardiser` is (s_a + s_b)/2 divided by J: the raw difference that g_av = 1 stands for.
 *
 * @example
 * ```ts
 * hedgesGAv([69.18, 72.83, 70.82, 66.61, 65.73, 71.74, 71.46, 66.49, 69.22, 70.14],
 *           [69.53, 71.02, 70.65, 65.25, 65.39, 71.99, 70.44, 65.77, 68.04, 70.31]).value; // ≈ 0.21
 * ```
 */
export function hedgesGAv(a: readonly number[], b: readonly number[], options: { level?: number } = {}): EffectSize & { standardiser: number } {
  const t = pairedT(a, b, { level: options.level });
  const sAv = (sampleStandardDeviation([...a]) + sampleStandardDeviation([...b])) / 2;
  const standardiser = sAv / pairedCorrection(a.length);
  const scale = (v: number) => (standardiser > 0 ? v / standardiser : v === 0 ? 0 : Math.sign(v) * Infinity);
  return { value: scale(t.meanDifference), ci: { lower: scale(t.ci.lower), upper: scale(t.ci.upper), level: t.ci.level }, standardiser };
}
