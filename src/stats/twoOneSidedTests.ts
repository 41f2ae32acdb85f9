import { studentTSf } from './distributions.js';

/** Result of {@link twoOneSidedTests}. */
export interface EquivalenceResult {
  /** p of H₀: θ ≤ lower (rejected when θ is shown above the lower margin). */
  readonly pLower: number;
  /** p of H₀: θ ≥ upper. */
  readonly pUpper: number;
  /** max(pLower, pUpper): equivalence is shown at level α when p ≤ α. */
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Two one-sided tests (TOST, Schuirmann 1987; https://en.wikipedia.org/wiki/Equivalence_test) that a
 * parameter θ lies inside (lower, upper), from an estimate whose (estimate − θ)/standardError follows
 * Student's t with `df` degrees of freedom (`Infinity`: the normal). With a one-sample or paired t
 * estimate this is two `ttest_1samp` calls against the margins.
 *
 * @example
 * ```ts
 * twoOneSidedTests({ estimate: 0.5, standardError: 0.2, df: 9, lower: -1, upper: 1 }).pValue; // 0.0134 (two ttest_1samp)
 * ```
 */
export function twoOneSidedTests(options: { estimate: number; standardError: number; df: number; lower: number; upper: number }): EquivalenceResult {
  const { estimate, standardError, df, lower, upper } = options;
  if (!(lower < upper)) throw new Error(`twoOneSidedTests: the margins must satisfy lower < upper (got ${lower}, ${upper})`);
  // P(T > t), as a tail; a zero standard error makes each test certain
  const above = (t: number) => (standardError > 0 ? studentTSf(t, df) : t > 0 ? 0 : 1);
  const pLower = above((estimate - lower) / (standardError || 1));
  const pUpper = above((upper - estimate) / (standardError || 1));
  return { pLower, pUpper, pValue: Math.max(pLower, pUpper), lower, upper };
}
