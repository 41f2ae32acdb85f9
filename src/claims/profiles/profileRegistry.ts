import { ciProfile } from './ciProfile.js';
import { miniFixedProfile } from './miniFixedProfile.js';
import { miniProfile } from './miniProfile.js';
import { miniV1Profile } from './miniV1Profile.js';
import { paperProfile } from './paperProfile.js';
import { protocolCProfile } from './protocolCProfile.js';
import { readSetting, type ProfileName } from '../../settings.js';
import type { ReplicateDesign } from '../design/sequentialDesign.js';
import type { Profile, SeedPhase } from './profile.js';

/** Profiles by name; adding one is one line here. */
export const profileRegistry = {
  mini: miniProfile,
  'mini-v1': miniV1Profile,
  'mini-fixed': miniFixedProfile,
  ci: ciProfile,
  paper: paperProfile,
  'protocol-c': protocolCProfile,
} as const satisfies Record<ProfileName, Profile>;

/** The profile of this invocation: `GST_PROFILE` (default `mini`). */
export function activeProfile(): Profile {
  return profileRegistry[readSetting('GST_PROFILE')];
}

/**
 * The replicate design of a claim: `GST_REPLICATES` (fixed), else the claim's own count (fixed), else
 * the profile's sequential design, else its fixed replicates.
 */
export function activeDesign(profile: Profile, claimReplicates?: number): ReplicateDesign {
  const fixed = readSetting('GST_REPLICATES') ?? claimReplicates;
  if (fixed !== undefined) return { kind: 'fixed', seedsPerArm: fixed };
  return profile.design ?? { kind: 'fixed', seedsPerArm: profile.seedsPerArm };
}

/** Seeds phase: `GST_SEEDS=calibration|confirmation` (default confirmation: fresh seeds). */
export function activeSeedPhase(): SeedPhase {
  return readSetting('GST_SEEDS');
}
