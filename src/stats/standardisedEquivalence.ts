import { mean, sampleCorrelation, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { twoOneSidedTests, type EquivalenceResult } from './twoOneSidedTests.js';
import { welchT } from './welchT.js';

/** Result of {@link standardisedEquivalence}: TOST p-values and the raw margins they used. */
export interface StandardisedEquivalence extends EquivalenceResult {
  /** The standard deviation the margin is expressed in (s_av paired, s_pooled unpaired). */
  readonly standardiser: number;
  /** Standard error of (mean difference ∓ margin), the standardiser's own sampling error included. */
  readonly standardError: number;
}

/**
 * TOST that a standardised mean difference δ/σ lies inside (−m, +m), where σ is estimated: paired,
 * σ_av = mean of the two arms' SDs (the scale of Hedges' g_av); unpaired, the pooled SD (Hedges' g).
 * Each one-sided test is a t-test of θ = (mean difference) ∓ m·σ̂ whose standard error adds the
 * delta-method variance of m·σ̂ to that of the mean difference (they are independent under
 * normality): paired, Var(s_av) ≈ (s_a² + s_b² + 2r²·s_a·s_b)/(8(n − 1)) with r the arms'
 * correlation, on n − 1 df; unpaired, Var(s_p) ≈ s_p²/(2(n₁ + n₂ − 2)), on Welch's df. Ignoring
 * σ̂'s error makes the test liberal when the arms are highly correlated (shown by simulation in
 * specs/stats/pairedCalibration.test.ts).
 *
 * @example
 * ```ts
 * standardisedEquivalence([1.2, 2.1, 2.9, 4.2, 5.1], [1.0, 2.0, 3.1, 4.0, 5.0], { design: 'paired', margin: 0.5 }).pValue; // 0.03472 (NumPy/SciPy)
 * ```
 */
export function standardisedEquivalence(
  a: readonly number[],
  b: readonly number[],
  options: { design: 'paired' | 'unpaired'; margin: number },
): StandardisedEquivalence {
  const m = options.margin;
  const difference = mean([...a]) - mean([...b]);
  let standardiser: number;
  let standardError: number;
  let df: number;
  if (options.design === 'paired') {
    if (a.length !== b.length) throw new Error(`standardisedEquivalence: paired samples must have equal length (got ${a.length} and ${b.length})`);
    const n = a.length;
    const sa = sampleStandardDeviation([...a]);
    const sb = sampleStandardDeviation([...b]);
    const r = sa > 0 && sb > 0 ? sampleCorrelation([...a], [...b]) : 0;
    standardiser = (sa + sb) / 2;
    const varStandardiser = (sa ** 2 + sb ** 2 + 2 * r ** 2 * sa * sb) / (8 * (n - 1));
    standardError = Math.sqrt(sampleVariance(a.map((v, i) => v - b[i])) / n + m ** 2 * varStandardiser);
    df = n - 1;
  } else {
    const [n1, n2] = [a.length, b.length];
    const va = sampleVariance([...a]);
    const vb = sampleVariance([...b]);
    standardiser = Math.sqrt(((n1 - 1) * va + (n2 - 1) * vb) / (n1 + n2 - 2));
    standardError = Math.sqrt(va / n1 + vb / n2 + (m ** 2 * standardiser ** 2) / (2 * (n1 + n2 - 2)));
    df = welchT(a, b).df;
  }
  const margin = m * standardiser;
  if (!(margin > 0)) return { pLower: 1, pUpper: 1, pValue: 1, lower: 0, upper: 0, standardiser, standardError };
  return { ...twoOneSidedTests({ estimate: difference, standardError, df, lower: -margin, upper: margin }), standardiser, standardError };
}
