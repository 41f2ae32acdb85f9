import type { ScoreName } from '../../pruning/scores/scoreRegistry.js';
import type { SelectionName } from '../../pruning/selections.js';
import type { VariantName } from '../../pruning/variants/variantRegistry.js';

/**
 * One arm of a claim, stated once in the spec and turned into a full run config by the active
 * profile (`mini`, `paper`, `smoke`). Rates and windows are named, not numbered, so the same spec
 * runs at every scale.
 */
export interface ArmSpec {
  /** Shown in reports, e.g. `Prune_S 13%`. */
  readonly label: string;
  /** A pruning variant (src/pruning/variants/variantRegistry.ts). */
  readonly variant: VariantName;
  /** `smallest` (Prune_S), `largest` (Prune_L), `random` (Prune_R). */
  readonly selection?: SelectionName;
  /**
   * Per-event pruning rate, the paper's label: `small` (the paper's r = 4, "1%"), `large` (r = 40, "13%"), or an
   * index into the profile's rate sweep (`sweep-0` smallest … largest). The profile turns it into the
   * event interval r of its scale (`PruningConfig.interval`).
   */
  readonly rate?: 'small' | 'large' | `sweep-${number}`;
  /** Perturbation window of `zeroing`, `zeroing-restore`, `gaussian`: the profile turns it into `PruningConfig.window` (training batches). */
  readonly perturbationWindow?: 'short' | 'long';
  /** Overrides the profile's score (e.g. `l2-bn`); reports name it. */
  readonly score?: ScoreName;
  /** Measure flatness at the end of training. */
  readonly flatness?: boolean;
  /**
   * Seed block (default 0): the arm's seeds are the profile's moved by `seedBlock × 1000`, so two
   * identically configured arms run on disjoint seeds (A/A controls). Arms of one block are paired by seed.
   */
  readonly seedBlock?: number;
}

/** Seeds between blocks (more than any profile's replicates). */
export const seedBlockStride = 1000;

/**
 * The seeds of an arm: the profile's, moved to its seed block.
 *
 * @example
 * ```ts
 * armSeeds({ label: 'A', variant: 'none', seedBlock: 1 }, [101, 102]); // [1101, 1102]
 * ```
 */
export function armSeeds(arm: ArmSpec, profileSeeds: readonly number[]): number[] {
  const block = arm.seedBlock ?? 0;
  if (!Number.isInteger(block) || block < 0) throw new Error(`arm '${arm.label}': seedBlock ${block} is not allowed; use an integer ≥ 0`);
  return profileSeeds.map((s) => s + block * seedBlockStride);
}
