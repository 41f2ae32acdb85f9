import { gammaln } from 'simple-statistics';
import { normalCdf, normalQuantile, studentTQuantile } from './distributions.js';

/** z of the test's critical value: α/2 two-sided, α one-sided. */
function zAlpha(alpha: number, sided: 1 | 2): number {
  return normalQuantile(1 - alpha / sided);
}

/**
 * CDF of the noncentral t distribution, `P(T ≤ t)` for `T = (Z + δ)/√(V/df)`, `V ~ χ²(df)`, by
 * Simpson integration of `Φ(t·√(v/df) − δ)` against the χ² density (accurate to ~1e-6 for df ≥ 2).
 */
export function noncentralTCdf(t: number, df: number, delta: number): number {
  return noncentralTCdfOfDelta(t, df)(delta);
}

/**
 * {@link noncentralTCdf} at fixed `t` and `df` as a function of δ, with the χ² density at the
 * integration nodes computed once (the same numbers: inverting over δ needs many evaluations).
 */
export function noncentralTCdfOfDelta(t: number, df: number): (delta: number) => number {
  // integrate over the bulk of the χ² mass only: [df − 12·sd, df + 12·sd + 12], sd = √(2df); 400
  // Simpson steps stay within 1e-8 of SciPy's nct.cdf for df 3…200 (checked when this was set)
  const spread = 12 * Math.sqrt(2 * df);
  const lower = Math.max(0, df - spread);
  const upper = df + spread + 12;
  const steps = 400;
  const h = (upper - lower) / steps;
  const logNorm = (df / 2) * Math.log(2) + gammaln(df / 2);
  const nodes = Array.from({ length: steps + 1 }, (_, i) => (i === steps ? upper : i === 0 ? lower : lower + i * h));
  const density = nodes.map((v) => (v <= 0 ? 0 : Math.exp((df / 2 - 1) * Math.log(v) - v / 2 - logNorm)));
  const shifts = nodes.map((v) => t * Math.sqrt(v / df));
  return (delta) => {
    const f = (i: number) => (nodes[i] <= 0 ? (df === 2 ? 0.5 * normalCdf(-delta) : 0) : density[i] * normalCdf(shifts[i] - delta));
    let sum = f(0) + f(steps);
    for (let i = 1; i < steps; i++) sum += (i % 2 === 0 ? 2 : 4) * f(i);
    return Math.min(1, Math.max(0, (sum * h) / 3));
  };
}

/**
 * Power of a one-sided one-sample t-test with n values at standardised effect d = shift/sd in the
 * claimed direction (noncentral t, n − 1 df).
 *
 * @example
 * ```ts
 * oneSamplePower({ effect: 1, n: 10, alpha: 0.05 }); // 0.8975 (scipy.stats.nct)
 * ```
 */
export function oneSamplePower(options: { effect: number; n: number; alpha: number }): number {
  const df = options.n - 1;
  return 1 - noncentralTCdf(studentTQuantile(1 - options.alpha, df), df, options.effect * Math.sqrt(options.n));
}

/**
 * Power of a two-sample t-test with n₁, n₂ replicates at standardised effect `d` (Cohen's d),
 * from the noncentral t distribution with n₁ + n₂ − 2 df. For a one-sided test `effect` is signed:
 * positive in the claimed direction.
 *
 * @example
 * ```ts
 * achievedPower({ effect: 1, n1: 17, n2: 17, alpha: 0.05 }); // 0.8070 (scipy.stats.nct)
 * ```
 */
export function achievedPower(options: { effect: number; n1: number; n2: number; alpha: number; sided?: 1 | 2 }): number {
  const { effect, n1, n2, alpha } = options;
  const sided = options.sided ?? 2;
  const df = n1 + n2 - 2;
  const delta = effect * Math.sqrt((n1 * n2) / (n1 + n2));
  const critical = studentTQuantile(1 - alpha / sided, df);
  const upperTail = 1 - noncentralTCdf(critical, df, delta);
  return sided === 2 ? upperTail + noncentralTCdf(-critical, df, delta) : upperTail;
}

/**
 * Replicates per arm for a two-sample t-test to reach `power` (default 0.8) at standardised
 * effect `d`: the smallest n with {@link achievedPower} ≥ power.
 *
 * @example
 * ```ts
 * replicatesForPower({ effect: 0.8, alpha: 0.05 }); // 26 per arm (two-sided)
 * ```
 */
export function replicatesForPower(options: { effect: number; alpha: number; power?: number; sided?: 1 | 2 }): number {
  const target = options.power ?? 0.8;
  const effect = Math.abs(options.effect);
  if (effect === 0 || !Number.isFinite(effect)) return effect === 0 ? Infinity : 2;
  for (let n = 2; n <= 100_000; n = n < 200 ? n + 1 : Math.ceil(n * 1.05)) {
    if (achievedPower({ effect, n1: n, n2: n, alpha: options.alpha, sided: options.sided }) >= target) return n;
  }
  return Infinity;
}

/** Runs needed to detect correlation `r` (Fisher z): n = ((z_α + z_β)/atanh r)² + 3. @example correlationReplicates({ r: -0.52, alpha: 0.05 }) // 27 */
export function correlationReplicates(options: { r: number; alpha: number; power?: number; sided?: 1 | 2 }): number {
  const z = Math.abs(Math.atanh(options.r));
  if (z === 0) return Infinity;
  return Math.ceil(((zAlpha(options.alpha, options.sided ?? 2) + normalQuantile(options.power ?? 0.8)) / z) ** 2 + 3);
}

/** Achieved power to detect correlation `r` with n runs (Fisher z, normal approximation). */
export function correlationPower(options: { r: number; n: number; alpha: number; sided?: 1 | 2 }): number {
  if (options.n <= 3) return 0;
  const shift = Math.abs(Math.atanh(options.r)) * Math.sqrt(options.n - 3);
  return normalCdf(shift - zAlpha(options.alpha, options.sided ?? 2));
}

/**
 * Pairs (or values) for a one-sided one-sample t-test to reach `power` (default 0.8) at standardised
 * effect d: the smallest n ≥ 2 with {@link oneSamplePower} ≥ power.
 *
 * @example
 * ```ts
 * oneSampleReplicates({ effect: 1, alpha: 0.05 }); // 8 (scipy.stats.nct)
 * ```
 */
export function oneSampleReplicates(options: { effect: number; alpha: number; power?: number }): number {
  const target = options.power ?? 0.8;
  if (!(options.effect > 0)) return Infinity;
  if (!Number.isFinite(options.effect)) return 2;
  const reaches = (n: number) => oneSamplePower({ effect: options.effect, n, alpha: options.alpha }) >= target;
  // power grows with n: up to 200 every n counts, found from the normal approximation's guess in a few steps
  if (reaches(200)) {
    let n = Math.min(200, Math.max(2, Math.ceil(((zAlpha(options.alpha, 1) + normalQuantile(target)) / options.effect) ** 2)));
    while (n > 2 && reaches(n - 1)) n -= 1;
    while (!reaches(n)) n += 1;
    return n;
  }
  // beyond 200 the grid grows by 5%: the first grid point that reaches, by bisection
  const grid: number[] = [];
  for (let n = Math.ceil(200 * 1.05); n <= 100_000; n = Math.ceil(n * 1.05)) grid.push(n);
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reaches(grid[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo < grid.length ? grid[lo] : Infinity;
}
