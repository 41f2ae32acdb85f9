/**
 * The one owner of the decision rule (docs/methods/verdicts.md §8.5, §9.1): the level a claim is tested at,
 * the stage's boundary, the outcome of a comparison's three tests, the minimum effect as a margin, the
 * repeated confidence interval that goes with the boundary, and whether a claim passes as a test. Every evaluator, report and matcher asks here.
 */
import { normalSf, normalUpperQuantile, studentTQuantile } from '../../stats/distributions.js';
import type { Interval } from '../../stats/interval.js';
import type { MinimumEffect } from '../dsl/hypothesis.js';
import type { Verdict } from '../dsl/verdict.js';
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
  /** Arms whose runs prune nothing (stability 100 by definition): correlations read without them beside the paper's reading (§9.3). */
  readonly unprunedArms?: readonly string[];
  /** First epoch the reading looks at (null: each run's own window). */
  readonly windowStart: number | null;
  /**
   * A sequential design's boundary at this stage, on the z scale of the one-sided p at α/familySize
   * (src/claims/design/sequentialDesign.ts); without it the fixed rule `familySize · p ≤ α` decides.
   */
  readonly critical?: number;
  /**
   * `false` skips what only describes and never decides (d_z's exact CI, a fixed test's power): for
   * the design-power simulation, which needs thousands of verdicts. Default: described.
   */
  readonly descriptive?: boolean;
}

/** The level every one-sided test of the claim is judged at: α over the family. @example levelOf({ alpha: 0.05, familySize: 15 } as DecisionRule) // 0.00333 */
export function levelOf(rule: Pick<DecisionRule, 'alpha' | 'familySize'>): number {
  return rule.alpha / rule.familySize;
}

/** The boundary on the z scale: the stage's c_k, or for a fixed design Φ⁻¹(1 − α/K). @example boundaryOf({ alpha: 0.05, familySize: 1 } as DecisionRule) // 1.644854 */
export function boundaryOf(rule: Pick<DecisionRule, 'alpha' | 'familySize' | 'critical'>): number {
  return rule.critical ?? normalUpperQuantile(levelOf(rule));
}

/** The z a p of 0 or 1 maps to (±): beyond any double's p (1e-308 is z 37.5), so it shows as ∞ and survives JSON, which has no Infinity. */
export const zLimit = 40;

/** A one-sided p on the z scale, Φ⁻¹(1 − p), exact for tiny p; ±{@link zLimit} at p = 0 and 1. @example zOf(1e-50) // 14.933337 */
export function zOf(p: number): number {
  if (p <= 0) return zLimit;
  if (p >= 1) return -zLimit;
  return Math.max(-zLimit, Math.min(zLimit, normalUpperQuantile(p)));
}

/**
 * Whether a one-sided p crosses the rule's boundary: Φ⁻¹(1 − p) ≥ c_k (for a fixed design, p ≤ α/K).
 *
 * @example
 * ```ts
 * crosses({ alpha: 0.05, familySize: 11, critical: undefined } as DecisionRule, 0.004); // true (0.004 ≤ 0.05/11)
 * ```
 */
export function crosses(rule: Pick<DecisionRule, 'alpha' | 'familySize' | 'critical'>, p: number): boolean {
  return zOf(p) >= boundaryOf(rule);
}

/**
 * The repeated confidence interval of an estimate at the rule's boundary (Jennison & Turnbull 2000,
 * ch. 9): estimate ± t_df⁻¹(Φ(c_k))·SE, two-sided level 1 − 2·(1 − Φ(c_k)); `scale` carries it to
 * the effect's measure (e.g. over a standardiser, or tanh for atanh(r)).
 *
 * @example
 * ```ts
 * repeatedInterval({ alpha: 0.05, familySize: 1 }, { estimate: 1, standardError: 0.5, df: Infinity }); // { lower: 0.1776, upper: 1.8224, level: 0.9 }
 * ```
 */
export function repeatedInterval(
  rule: Pick<DecisionRule, 'alpha' | 'familySize' | 'critical'>,
  options: { estimate: number; standardError: number; df: number; scale?: (v: number) => number },
): Interval {
  const c = boundaryOf(rule);
  const tail = normalSf(c);
  const multiplier = options.df === Infinity ? c : -studentTQuantile(tail, options.df);
  const scale = options.scale ?? ((v: number) => v);
  const [a, b] = [scale(options.estimate - multiplier * options.standardError), scale(options.estimate + multiplier * options.standardError)];
  return { lower: Math.min(a, b), upper: Math.max(a, b), level: 1 - 2 * tail };
}

/**
 * The minimum effect as a raw difference: the value itself for `mean-difference`, else that many
 * standard deviations (`standardiser`).
 *
 * @example marginOf({ measure: 'hedges-g', value: 0.5 }, 2) // 1
 */
export function marginOf(minEffect: MinimumEffect, standardiser: number): number {
  return minEffect.measure === 'mean-difference' ? minEffect.value : minEffect.value * standardiser;
}

/** The one-sided p-values of a comparison's three tests: the claimed direction, the opposite one, equivalence inside ± the minimum. */
export interface ComparisonPValues {
  readonly claimed: number;
  readonly opposite: number;
  readonly equivalence: number;
}

/**
 * The outcome of one comparison (docs/methods/verdicts.md §9.1; Lakens, Scheel & Isager 2018): each of
 * its three tests judged at the rule's boundary. A direction that crosses while equivalence does not is
 * an effect (`supported`, `contradicted`); a direction and equivalence both crossing is `below minimum`;
 * equivalence alone, `absent`; nothing, `not shown`.
 *
 * @example
 * ```ts
 * outcomeOf({ alpha: 0.05, familySize: 1 }, { claimed: 0.001, opposite: 0.999, equivalence: 0.01 }); // 'below minimum'
 * ```
 */
export function outcomeOf(rule: Pick<DecisionRule, 'alpha' | 'familySize' | 'critical'>, p: ComparisonPValues): Verdict {
  const equivalent = crosses(rule, p.equivalence);
  if (crosses(rule, p.claimed)) return equivalent ? 'below minimum' : 'supported';
  if (crosses(rule, p.opposite)) return equivalent ? 'below minimum' : 'contradicted';
  return equivalent ? 'absent' : 'not shown';
}

/**
 * Whether a claim passes as its vitest test does: supported; for a claim expected not to reproduce at
 * the profile (`it.fails`), not supported; for an A/A control, neither supported nor contradicted.
 *
 * @example
 * ```ts
 * passesAsTest({ verdict: 'absent', control: true }); // true
 * ```
 */
export function passesAsTest(report: { readonly verdict: Verdict; readonly control?: boolean; readonly expectedToFail?: string }): boolean {
  if (report.control) return report.verdict === 'absent' || report.verdict === 'not shown';
  return report.expectedToFail ? report.verdict !== 'supported' : report.verdict === 'supported';
}
