/**
 * Holm's step-down adjustment of p-values for the family-wise error rate
 * (https://en.wikipedia.org/wiki/Holm%E2%80%93Bonferroni_method). Returns adjusted p-values in the
 * input order; reject where adjusted p ≤ α.
 *
 * @example
 * ```ts
 * holm([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 * ```
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
