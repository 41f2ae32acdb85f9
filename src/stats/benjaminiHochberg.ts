/**
 * Benjamini-Hochberg step-up adjustment for the false discovery rate
 * (https://en.wikipedia.org/wiki/False_discovery_rate#Benjamini%E2%80%93Hochberg_procedure).
 * Returns adjusted p-values (q-values) in the input order.
 *
 * @example
 * ```ts
 * benjaminiHochberg([0.01, 0.04, 0.03]); // [0.03, 0.04, 0.04]
 * ```
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach(([p, i], k) => {
    const rank = m - k;
    running = Math.min(running, (m * p) / rank);
    adjusted[i] = Math.min(1, running);
  });
  return adjusted;
}
