import type fc from 'fast-check';
import type { ClaimDefinition } from '../dsl/claimDefinition.js';
import type { Profile } from '../profiles/profile.js';

/** A claim over a space of configurations: every value the arbitrary draws must give a supported claim. */
export interface PropertyClaimDefinition<T> {
  readonly id: string;
  readonly title: string;
  readonly paperClaim: string;
  /** The configuration space at a profile (e.g. pairs of rates from its sweep). */
  readonly space: (profile: Profile) => fc.Arbitrary<T>;
  /** The claim that must hold at one point of the space. */
  readonly claimAt: (value: T) => ClaimDefinition;
  /** Points tried (bounded by the training budget: each new point may train new arms). */
  readonly numRuns: number;
  readonly expectedToFail?: ClaimDefinition['expectedToFail'];
}
