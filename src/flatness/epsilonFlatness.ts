/**
 * ε-flatness: the smallest step `ε > 0` along any of the given unit directions (both signs) at
 * which the loss rises by at least `threshold` (0.1 in the paper's analysis). Found by doubling
 * from `initial` and then bisection; `Infinity` when no direction reaches the threshold by
 * `maxEpsilon`. Larger means flatter.
 *
 * @example
 * ```ts
 * // L(w + εu) = L0 + ½·λ·ε², λ = 2: rises by 0.1 at ε = √0.1
 * epsilonFlatness({ lossAt: (u, e) => e * e, directions: [new Float64Array([1])], threshold: 0.1 }); // ≈ 0.316
 * ```
 */
export async function epsilonFlatness(options: {
  /** Loss rise `L(w + ε·direction) − L(w)`. */
  lossAt: (direction: Float64Array, epsilon: number) => Promise<number>;
  directions: readonly Float64Array[];
  threshold?: number;
  initial?: number;
  maxEpsilon?: number;
  bisections?: number;
}): Promise<number> {
  const threshold = options.threshold ?? 0.1;
  const maxEpsilon = options.maxEpsilon ?? 1e3;
  const bisections = options.bisections ?? 30;
  let best = Infinity;
  for (const direction of options.directions) {
    for (const sign of [1, -1]) {
      const rise = (e: number) => options.lossAt(direction, sign * e);
      let hi = options.initial ?? 1e-3;
      while (hi < maxEpsilon && hi < best && (await rise(hi)) < threshold) hi *= 2;
      if (hi >= maxEpsilon || hi >= best) continue;
      let lo = hi / 2;
      if ((await rise(lo)) >= threshold) lo = 0;
      for (let i = 0; i < bisections; i++) {
        const mid = (lo + hi) / 2;
        if ((await rise(mid)) >= threshold) hi = mid;
        else lo = mid;
      }
      best = Math.min(best, hi);
    }
  }
  return best;
}
