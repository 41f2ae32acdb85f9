import { pValueFromSurvival, type Alternative } from './alternative.js';
import type { CorrelationResult } from './correlationResult.js';
import { studentTSf, studentTQuantile } from './distributions.js';

/** A correlation statistic of paired samples (Pearson r, Kendall τ-b, Spearman ρ). */
export type CorrelationStatistic = (x: readonly number[], y: readonly number[]) => number;

/** Result of {@link clusterJackknifeCorrelation}. */
export interface ClusteredCorrelationResult extends CorrelationResult {
  /** atanh of the statistic. */
  readonly z: number;
  /** Delete-one-cluster jackknife standard error of z. */
  readonly standardError: number;
  /** Number of clusters G; the reference distribution is t(G − 1). */
  readonly clusters: number;
}

const clampAtanh = (r: number) => Math.atanh(Math.max(-1 + 1e-15, Math.min(1 - 1e-15, r)));

/** Values minus their group's mean (every observation its own group when `groups` is absent: unchanged). */
function centred(values: readonly number[], groups: readonly number[] | undefined): number[] {
  if (groups === undefined) return [...values];
  const sums = new Map<number, [number, number]>();
  values.forEach((v, i) => {
    const [s, n] = sums.get(groups[i]) ?? [0, 0];
    sums.set(groups[i], [s + v, n + 1]);
  });
  return values.map((v, i) => {
    const [s, n] = sums.get(groups[i]) as [number, number];
    return v - s / n;
  });
}

/**
 * A correlation over pooled observations that come in correlated clusters (here: the runs of several
 * arms that share a seed), tested with the delete-one-cluster jackknife: z = atanh(statistic), its
 * standard error √((G−1)/G · Σ(z₋g − z̄)²) over the G leave-one-cluster-out values, t = z/se on
 * G − 1 df, and the CI tanh(z ± t₀.₉₇₅·se) (Efron & Stein 1981; cluster-jackknife inference as in
 * MacKinnon, Nielsen & Webb 2023, https://doi.org/10.1016/j.jeconom.2022.04.001). Valid whatever the
 * dependence inside a cluster, since clusters, not observations, are the independent units. With
 * `groups` (e.g. the arm of each run), x and y are centred on their group's mean before the statistic,
 * in the full sample and in every leave-one-cluster-out sample alike: the correlation within groups,
 * group (fixed) effects removed.
 *
 * @example
 * ```ts
 * // 8 seeds × 3 arms, pooled (tools/reference/paired_statistics.py)
 * clusterJackknifeCorrelation(xs, ys, seedOf, (a, b) => sampleCorrelation(a, b), { alternative: 'less' }).pValue; // 3.595e-6 (NumPy)
 * ```
 */
export function clusterJackknifeCorrelation(
  x: readonly number[],
  y: readonly number[],
  cluster: readonly number[],
  statistic: CorrelationStatistic,
  options: { alternative?: Alternative; level?: number; groups?: readonly number[] } = {},
): ClusteredCorrelationResult {
  const { groups } = options;
  if (x.length !== y.length || x.length !== cluster.length || (groups !== undefined && groups.length !== x.length))
    throw new Error(
      `clusterJackknifeCorrelation: x, y, cluster (and groups) must have equal length (got ${x.length}, ${y.length}, ${cluster.length}${groups ? `, ${groups.length}` : ''})`,
    );
  const within = (keep: (i: number) => boolean) => {
    const g = groups?.filter((_, i) => keep(i));
    return statistic(
      centred(
        x.filter((_, i) => keep(i)),
        g,
      ),
      centred(
        y.filter((_, i) => keep(i)),
        g,
      ),
    );
  };
  const ids = [...new Set(cluster)];
  const g = ids.length;
  if (g < 3) throw new Error(`clusterJackknifeCorrelation: needs ≥ 3 clusters (got ${g})`);
  const value = within(() => true);
  const z = clampAtanh(value);
  const loo = ids.map((id) => clampAtanh(within((i) => cluster[i] !== id)));
  const mean = loo.reduce((s, v) => s + v, 0) / g;
  const standardError = Math.sqrt(((g - 1) / g) * loo.reduce((s, v) => s + (v - mean) ** 2, 0));
  const level = options.level ?? 0.95;
  const t = standardError > 0 ? z / standardError : Math.sign(z) * Infinity;
  const half = studentTQuantile(1 - (1 - level) / 2, g - 1) * standardError;
  return {
    statistic: value,
    pValue: pValueFromSurvival((v) => studentTSf(v, g - 1), t, options.alternative ?? 'two-sided'),
    n: x.length,
    ci: { lower: Math.tanh(z - half), upper: Math.tanh(z + half), level },
    z,
    standardError,
    clusters: g,
  };
}
