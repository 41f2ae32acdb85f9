import { normalQuantile } from '../../stats/distributions.js';
import type { MinimumEffect } from '../dsl/hypothesis.js';
import type { ArmObservations } from '../design/pairing.js';

/** Per-arm observations of the claim's runs, by seed; for correlations `second` holds y. */
export type HypothesisData = Readonly<Record<string, ArmObservations>>;

/** How a verdict is decided. */
export interface DecisionRule {
  readonly alpha: number;
  readonly minEffect: MinimumEffect;
  /** Number of claims in the family (Bonferroni factor on every one-sided p). */
  readonly familySize: number;
  readonly metric: string;
  /** Seed of permutation tests. */
  readonly seed: number;
  /** First epoch the reading looks at (null: each run's own window). */
  readonly windowStart: number | null;
  /**
   * A sequential design's boundary at this stage, on the z scale of the one-sided p at α/familySize
   * (src/claims/design/sequentialDesign.ts); without it the fixed rule `familySize · p ≤ α` decides.
   */
  readonly critical?: number;
}

/**
 * Whether a one-sided p crosses the rule's boundary: `familySize · p ≤ α` (fixed design), or
 * Φ⁻¹(1 − p) ≥ the stage's critical value (sequential design; for one stage the two agree).
 *
 * @example
 * ```ts
 * crosses({ alpha: 0.05, familySize: 11, critical: undefined } as DecisionRule, 0.004); // true (0.044 ≤ 0.05)
 * ```
 */
export function crosses(rule: DecisionRule, p: number): boolean {
  if (rule.critical === undefined) return Math.min(1, p * rule.familySize) <= rule.alpha;
  const z = p <= 0 ? Infinity : p >= 1 ? -Infinity : normalQuantile(1 - p);
  return z >= rule.critical;
}
