import type { ArmSpec } from './armSpec.js';

/**
 * The paper's arms, named as the paper names them. Specs pick from these so that the same
 * configuration in two claims is the same run (trained once).
 */
export const paperArms = {
  /** No pruning (stability 100). */
  baseline: { label: 'no pruning', variant: 'none' },
  /** Prune_S at the small per-event rate ("1%", r = 4 at paper scale). */
  pruneSSmall: { label: 'Prune_S 1%', variant: 'remove', selection: 'smallest', rate: 'small' },
  /** Prune_S at the large per-event rate ("13%", r = 40). */
  pruneSLarge: { label: 'Prune_S 13%', variant: 'remove', selection: 'smallest', rate: 'large' },
  /** Prune_L at the large rate. */
  pruneLLarge: { label: 'Prune_L 13%', variant: 'remove', selection: 'largest', rate: 'large' },
  /** Prune_R at the large rate. */
  pruneRLarge: { label: 'Prune_R 13%', variant: 'remove', selection: 'random', rate: 'large' },
  /** The final architecture of Prune_L 13% trained from scratch. */
  scratch: { label: 'scratch (final architecture)', variant: 'scratch', selection: 'random', rate: 'large' },
  /** Prune-resume: Prune_L's filters zeroed for the short window, then free to regrow. */
  zeroing: { label: 'zeroing (prune-resume)', variant: 'zeroing', selection: 'largest', rate: 'large', perturbationWindow: 'short' },
  /** Gaussian noise on Prune_L's filters for the long window. */
  noise: { label: 'Gaussian noise', variant: 'gaussian', selection: 'largest', rate: 'large', perturbationWindow: 'long' },
} as const satisfies Record<string, ArmSpec>;

/** The same arm with flatness measured at the end of training (a separate, costlier run). */
export function withFlatness(arm: ArmSpec): ArmSpec {
  return { ...arm, flatness: true };
}

/** Prune_S at the i-th rate of the profile's sweep. */
export function pruneSAtSweep(index: number): ArmSpec {
  return { label: `Prune_S sweep r#${index}`, variant: 'remove', selection: 'smallest', rate: `sweep-${index}` };
}
