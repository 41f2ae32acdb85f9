import { normalQuantile, normalSf } from './distributions.js';

/** Lan-DeMets α-spending functions: how much of a one-sided α is spent by information fraction t. */
export const spendingFunctions = {
  /** O'Brien-Fleming type: α(t) = 2 − 2Φ(z_{1−α/2} / √t), as the tail 2·(1 − Φ) (spends almost nothing early; rpact's `asOF`). */
  'obrien-fleming': (alpha: number, t: number) => (t <= 0 ? 0 : 2 * normalSf(normalQuantile(1 - alpha / 2) / Math.sqrt(t))),
  /** Pocock type: α(t) = α · ln(1 + (e − 1)·t) (spends evenly; rpact's `asP`). */
  pocock: (alpha: number, t: number) => (t <= 0 ? 0 : alpha * Math.log(1 + (Math.E - 1) * t)),
} as const satisfies Record<string, (alpha: number, t: number) => number>;

export type SpendingFunction = keyof typeof spendingFunctions;

/** Result of {@link groupSequentialBoundaries}. */
export interface GroupSequentialDesign {
  /** Information fractions of the stages (the last is 1). */
  readonly fractions: readonly number[];
  /** One-sided critical values on the z scale: stop for the claim at stage k when Z_k ≥ critical[k]. */
  readonly critical: readonly number[];
  /** α spent up to and including each stage (cumulative). */
  readonly spent: readonly number[];
}

/** Simpson weights on n (odd) equally spaced points with spacing h. */
function simpsonWeights(n: number, h: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = ((i === 0 || i === n - 1 ? 1 : i % 2 === 1 ? 4 : 2) * h) / 3;
  return w;
}

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * The density of the score S_k = Z_k·√t_k on the continuation region of stage k, on a grid:
 * points, Simpson weights and density values (Jennison & Turnbull 2000, ch. 19, recursive
 * numerical integration; increments of S are independent N(0, t_k − t_{k−1}) under H₀).
 */
interface StageDensity {
  readonly points: Float64Array;
  readonly weights: Float64Array;
  readonly density: Float64Array;
}

function grid(lower: number, upper: number, points: number): { points: Float64Array; weights: Float64Array } {
  const n = points % 2 === 1 ? points : points + 1;
  const h = (upper - lower) / (n - 1);
  return { points: Float64Array.from({ length: n }, (_, i) => lower + i * h), weights: simpsonWeights(n, h) };
}

/** P(S_k ≥ b, no earlier crossing) from the previous stage's density, for an increment of variance dv and drift. */
function crossing(previous: StageDensity | undefined, b: number, dv: number, drift: number): number {
  const sd = Math.sqrt(dv);
  if (previous === undefined) return normalSf((b - drift) / sd);
  let p = 0;
  for (let i = 0; i < previous.points.length; i++) p += previous.weights[i] * previous.density[i] * normalSf((b - previous.points[i] - drift) / sd);
  return p;
}

function nextDensity(previous: StageDensity | undefined, b: number, dv: number, drift: number, lowest: number, points: number): StageDensity {
  const sd = Math.sqrt(dv);
  const { points: xs, weights } = grid(lowest, b, points);
  const density = new Float64Array(xs.length);
  for (let j = 0; j < xs.length; j++) {
    if (previous === undefined) density[j] = phi((xs[j] - drift) / sd) / sd;
    else {
      let f = 0;
      for (let i = 0; i < previous.points.length; i++) f += previous.weights[i] * previous.density[i] * (phi((xs[j] - previous.points[i] - drift) / sd) / sd);
      density[j] = f;
    }
  }
  return { points: xs, weights, density };
}

/**
 * One-sided group-sequential efficacy boundaries by Lan-DeMets α-spending (Lan & DeMets 1983,
 * https://doi.org/10.1093/biomet/70.3.659): at stage k (information fraction t_k) the claim stops
 * `supported` when Z_k ≥ critical[k], where the critical values are solved so that under H₀ the
 * probability of first crossing at stage k equals α(t_k) − α(t_{k−1}). Computed by recursive
 * numerical integration of the score's density on a grid of `points` per stage (default 801).
 *
 * @example
 * ```ts
 * groupSequentialBoundaries({ fractions: [0.5, 1], alpha: 0.05, spending: 'obrien-fleming' }).critical; // [2.537988, 1.662107] (rpact 3.3.4, asOF)
 * ```
 */
export function groupSequentialBoundaries(options: {
  fractions: readonly number[];
  alpha: number;
  spending: SpendingFunction;
  points?: number;
}): GroupSequentialDesign {
  const { fractions, alpha } = options;
  if (fractions.length === 0 || fractions.some((t, i) => !(t > (fractions[i - 1] ?? 0) && t <= 1)) || fractions.at(-1) !== 1) {
    throw new Error(`groupSequentialBoundaries: fractions must increase strictly within (0, 1] and end at 1 (got ${fractions.join(', ')})`);
  }
  if (!(alpha > 0 && alpha < 0.5)) throw new Error(`groupSequentialBoundaries: alpha ${alpha} is not allowed; use a one-sided level in (0, 0.5)`);
  const spend = spendingFunctions[options.spending];
  const points = options.points ?? 801;
  const critical: number[] = [];
  const spent: number[] = [];
  let previous: StageDensity | undefined;
  fractions.forEach((t, k) => {
    const dv = t - (fractions[k - 1] ?? 0);
    const target = spend(alpha, t) - spend(alpha, fractions[k - 1] ?? 0);
    // bisection on the score scale: crossing probability falls as the bound rises
    let lo = -10;
    let hi = 10 * Math.sqrt(t) + 10;
    for (let i = 0; i < 80; i++) {
      const mid = (lo + hi) / 2;
      if (crossing(previous, mid, dv, 0) > target) lo = mid;
      else hi = mid;
    }
    const b = (lo + hi) / 2;
    critical.push(b / Math.sqrt(t));
    spent.push(spend(alpha, t));
    previous = nextDensity(previous, b, dv, 0, -8 * Math.sqrt(t) - 2, points);
  });
  return { fractions, critical, spent };
}

/**
 * Probability that a design's boundaries are crossed at some stage when the standardised effect is
 * `drift` per unit information (the z statistic at full information has mean `drift`): its power,
 * or under drift 0 its type I error; and the probability of stopping at each stage.
 *
 * @example
 * ```ts
 * crossingProbabilities(groupSequentialBoundaries({ fractions: [0.5, 1], alpha: 0.05, spending: 'pocock' }), 0).total; // 0.05
 * ```
 */
export function crossingProbabilities(design: GroupSequentialDesign, drift: number, points = 801): { total: number; perStage: number[] } {
  let previous: StageDensity | undefined;
  const perStage = design.fractions.map((t, k) => {
    const dv = t - (design.fractions[k - 1] ?? 0);
    const b = design.critical[k] * Math.sqrt(t);
    const p = crossing(previous, b, dv, drift * dv);
    previous = nextDensity(previous, b, dv, drift * dv, -8 * Math.sqrt(t) - 2 + drift * t, points);
    return p;
  });
  return { total: perStage.reduce((s, p) => s + p, 0), perStage };
}
