import type { MinimumEffect } from '../hypothesis.js';
import type { ArmObservations } from '../seedDesign.js';

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
}

