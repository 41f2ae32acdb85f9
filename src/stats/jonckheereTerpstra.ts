import { normalSf } from './distributions.js';

/** Result of {@link jonckheereTerpstra}. */
export interface TrendResult {
  /** J: pairs (x from an earlier group, y from a later group) with y > x, ties counting ½. */
  readonly statistic: number;
  /** Standardised J. */
  readonly z: number;
  readonly pValue: number;
}

/**
 * Jonckheere-Terpstra test for an ordered alternative across groups
 * (https://en.wikipedia.org/wiki/Jonckheere%27s_trend_test): `increasing` means values rise from
 * the first group to the last, `decreasing` that they fall. Normal approximation with the
 * tie-corrected variance (Hollander & Wolfe, Nonparametric Statistical Methods, 6.2).
 *
 * @example
 * ```ts
 * jonckheereTerpstra([[1, 2, 3], [2, 4, 5], [6, 7, 8]], { direction: 'increasing' }).pValue; // ≈ 0.004
 * ```
 */
export function jonckheereTerpstra(groups: readonly (readonly number[])[], options: { direction: 'increasing' | 'decreasing' }): TrendResult {
  if (groups.length < 2 || groups.some((g) => g.length === 0)) throw new Error('jonckheereTerpstra: needs ≥ 2 non-empty groups');
  const ordered = options.direction === 'increasing' ? groups : [...groups].reverse();
  let j = 0;
  for (let a = 0; a < ordered.length; a++) {
    for (let b = a + 1; b < ordered.length; b++) {
      for (const x of ordered[a]) for (const y of ordered[b]) j += y > x ? 1 : y === x ? 0.5 : 0;
    }
  }
  const sizes = ordered.map((g) => g.length);
  const N = sizes.reduce((s, n) => s + n, 0);
  const all = ordered.flat();
  const ties = new Map<number, number>();
  for (const v of all) ties.set(v, (ties.get(v) ?? 0) + 1);
  const t = [...ties.values()];
  const sum = (xs: number[], f: (v: number) => number) => xs.reduce((s, v) => s + f(v), 0);
  const mean = (N * N - sum(sizes, (n) => n * n)) / 4;
  const variance =
    (N * (N - 1) * (2 * N + 5) - sum(sizes, (n) => n * (n - 1) * (2 * n + 5)) - sum(t, (v) => v * (v - 1) * (2 * v + 5))) / 72 +
    (sum(sizes, (n) => n * (n - 1) * (n - 2)) * sum(t, (v) => v * (v - 1) * (v - 2))) / (36 * N * (N - 1) * (N - 2)) +
    (sum(sizes, (n) => n * (n - 1)) * sum(t, (v) => v * (v - 1))) / (8 * N * (N - 1));
  const z = variance > 0 ? (j - mean) / Math.sqrt(variance) : 0;
  return { statistic: j, z, pValue: normalSf(z) };
}
