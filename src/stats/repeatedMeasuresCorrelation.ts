import { pValueFromSurvival, type Alternative } from './alternative.js';
import type { CorrelationResult } from './correlationResult.js';
import { studentTSf } from './distributions.js';
import { fisherZInterval } from './fisherZInterval.js';

/**
 * Repeated-measures correlation (Bland & Altman 1995; Bakdash & Marusich 2017,
 * https://doi.org/10.3389/fpsyg.2017.00456): the correlation of x and y *within* clusters, after each
 * cluster's own means are removed, with the t-test on N − G − 1 df (N observations, G clusters).
 * Here the clusters are seeds: it says whether, among the runs of one seed, the run with more x has
 * more y, whatever the seed's level.
 *
 * @example
 * ```ts
 * repeatedMeasuresCorrelation([1, 2, 3, 11, 12, 13], [1, 3, 2, 5, 7, 6], [0, 0, 0, 1, 1, 1]).statistic; // 0.5
 * repeatedMeasuresCorrelation([1, 2, 3, 11, 12, 13], [4, 4, 4, 6, 6, 6], [0, 0, 0, 1, 1, 1]).statistic; // NaN: y is constant within each cluster
 * ```
 */
export function repeatedMeasuresCorrelation(
  x: readonly number[],
  y: readonly number[],
  cluster: readonly number[],
  options: { alternative?: Alternative; level?: number } = {},
): CorrelationResult {
  if (x.length !== y.length || x.length !== cluster.length)
    throw new Error(`repeatedMeasuresCorrelation: x, y and cluster must have equal length (got ${x.length}, ${y.length}, ${cluster.length})`);
  const ids = [...new Set(cluster)];
  const df = x.length - ids.length - 1;
  if (df < 1) throw new Error(`repeatedMeasuresCorrelation: needs N − G − 1 ≥ 1 (got N = ${x.length}, G = ${ids.length})`);
  const centre = (v: readonly number[]) => {
    const means = new Map(
      ids.map((id) => {
        const members = v.filter((_, i) => cluster[i] === id);
        return [id, members.reduce((s, m) => s + m, 0) / members.length];
      }),
    );
    return v.map((value, i) => value - (means.get(cluster[i]) ?? 0));
  };
  const wx = centre(x);
  const wy = centre(y);
  const sxy = wx.reduce((s, v, i) => s + v * wy[i], 0);
  const sxx = wx.reduce((s, v) => s + v * v, 0);
  const syy = wy.reduce((s, v) => s + v * v, 0);
  // undefined (NaN, and so its p and CI) when x or y is constant within every cluster
  const r = sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : NaN;
  const t = Math.abs(r) === 1 ? Math.sign(r) * Infinity : r * Math.sqrt(df / (1 - r * r));
  return {
    statistic: r,
    pValue: pValueFromSurvival((v) => studentTSf(v, df), t, options.alternative ?? 'two-sided'),
    n: x.length,
    ci: fisherZInterval(r, df + 3, { level: options.level }),
  };
}
