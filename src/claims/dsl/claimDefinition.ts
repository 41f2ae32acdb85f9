import type { ProfileName } from '../../settings.js';
import type { ArmSpec } from './armSpec.js';
import type { Hypothesis, MinimumEffect } from './hypothesis.js';

/**
 * A paper claim as a spec states it, before any result exists: its arms, the hypothesis (which
 * names the metric and the test), α, the minimum effect that counts, and replicates. `Arm` is the
 * union of its arm ids, so the hypothesis can only name arms the claim has.
 */
export interface ClaimDefinition<Arm extends string = string> {
  /** Stable id, e.g. `stability-order`. */
  readonly id: string;
  readonly title: string;
  /** The paper claim it encodes (docs/PAPER.md numbering and words). */
  readonly paperClaim: string;
  readonly arms: Readonly<Record<Arm, ArmSpec>>;
  readonly hypothesis: Hypothesis<NoInfer<Arm>>;
  /** Significance level (default {@link defaultAlpha}), corrected over the family of claims. */
  readonly alpha?: number;
  readonly minEffect: MinimumEffect;
  /** Replicates per arm (default: the profile's). */
  readonly seedsPerArm?: number;
  /**
   * Profiles at which this claim was found not to reproduce after calibration, with the reason:
   * the test is then registered as an expected failure (`it.fails`), and still reports its numbers.
   */
  readonly expectedToFail?: Readonly<Partial<Record<ProfileName, string>>>;
  /**
   * An A/A control (identical arms on disjoint seed blocks, or a covariate independent by
   * construction): its test passes on `absent` or `not shown` only (a finding in either direction fails it).
   */
  readonly control?: boolean;
  /** How far (in effect units) the effect's CI may miss a stored baseline's effect before the baseline check fails (default 0). */
  readonly baselineTolerance?: number;
}

/**
 * The reason a claim is expected not to reproduce at a profile, if it says one.
 *
 * @example
 * ```ts
 * expectedFailureAt({ ...definition, expectedToFail: { ci: 'too few seeds' } }, 'ci'); // 'too few seeds'
 * ```
 */
export function expectedFailureAt(definition: Pick<ClaimDefinition, 'expectedToFail'>, profile: string): string | undefined {
  const reasons: Readonly<Record<string, string | undefined>> = definition.expectedToFail ?? {};
  return Object.hasOwn(reasons, profile) ? reasons[profile] : undefined;
}

/** The significance level of a claim that names none. */
export const defaultAlpha = 0.05;
