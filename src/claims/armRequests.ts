import type { RunRequest } from '../run/runJob.js';
import { armSeeds, type ArmSpec } from './dsl/armSpec.js';
import type { Profile, SeedPhase } from './profiles/profile.js';

/** What a claim asks of the scheduler at one stage: the arms, the profile, the seeds per arm and their phase. */
export interface ArmsAt {
  readonly arms: Readonly<Record<string, ArmSpec>>;
  readonly profile: Profile;
  readonly seedsPerArm: number;
  readonly phase: SeedPhase;
  /** Shown in progress lines (the claim's id). */
  readonly label: string;
}

/**
 * The runs a claim needs at `seedsPerArm` seeds per arm, arm by arm in declaration order, each arm's
 * seeds in order (arms that share a config share runs in the store).
 *
 * @example
 * ```ts
 * armRequests({ arms: { none: paperArms.baseline }, profile: miniProfile, seedsPerArm: 10, phase: 'confirmation', label: 'x' }).length; // 10
 * ```
 */
export function armRequests(options: ArmsAt): RunRequest[] {
  const seeds = options.profile.seeds(options.seedsPerArm, options.phase);
  return Object.values(options.arms).flatMap((arm) =>
    armSeeds(arm, seeds).map((seed, i) => ({
      config: options.profile.runConfig(arm),
      seed,
      label: `${options.label}: ${arm.label} #${i + 1}`,
      trainEpochs: options.profile.trainEpochs,
    })),
  );
}
