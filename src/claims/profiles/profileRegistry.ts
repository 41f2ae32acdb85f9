import { ciProfile, miniFixedProfile, miniProfile, miniV1Profile } from './miniProfile.js';
import { paperProfile } from './paperProfile.js';
import { protocolCProfile } from './protocolCProfile.js';
import { readSetting } from '../../settings.js';
import type { ReplicateDesign } from '../sequentialDesign.js';
import type { Profile, SeedPhase } from './profile.js';

/** Profiles by name; adding one is one line here. */
export const profileRegistry = {
  mini: miniProfile,
  'mini-v1': miniV1Profile,
  'mini-fixed': miniFixedProfile,
  ci: ciProfile,
  paper: paperProfile,
  'protocol-c': protocolCProfile,
} as const satisfies Record<string, Profile>;

/** A profile's name. */
export type ProfileName = keyof typeof profileRegistry;

const isProfileName = (name: string): name is ProfileName => Object.hasOwn(profileRegistry, name);

/** The profile of this invocation: `GST_PROFILE` (default `mini`). */
export function activeProfile(): Profile {
  const name = readSetting('GST_PROFILE');
  if (!isProfileName(name)) throw new Error(`GST_PROFILE='${name}' is not a profile; allowed: ${Object.keys(profileRegistry).join(', ')}`);
  return profileRegistry[name];
}

/**
 * The replicate design of a claim: `GST_REPLICATES` (fixed), else the claim's own count (fixed), else
 * the profile's sequential design, else its fixed replicates.
 */
export function activeDesign(profile: Profile, claimReplicates?: number): ReplicateDesign {
  const fixed = readSetting('GST_REPLICATES') ?? claimReplicates;
  if (fixed !== undefined) return { kind: 'fixed', seeds: fixed };
  return profile.design ?? { kind: 'fixed', seeds: profile.replicates };
}

/** Seeds phase: `GST_SEEDS=calibration|confirmation` (default confirmation: fresh seeds). */
export function activeSeedPhase(): SeedPhase {
  return readSetting('GST_SEEDS');
}
