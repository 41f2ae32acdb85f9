import { ciProfile, miniProfile } from './miniProfile.js';
import { paperProfile } from './paperProfile.js';
import { protocolCProfile } from './protocolCProfile.js';
import type { Profile, SeedPhase } from './profile.js';

/** Profiles by name; adding one is one line here. */
export const profileRegistry: Readonly<Record<string, Profile>> = {
  mini: miniProfile,
  ci: ciProfile,
  paper: paperProfile,
  'protocol-c': protocolCProfile,
};

/** The profile of this invocation: `GST_PROFILE` (default `mini`). */
export function activeProfile(): Profile {
  const name = process.env.GST_PROFILE ?? 'mini';
  const profile = profileRegistry[name];
  if (profile === undefined) throw new Error(`GST_PROFILE='${name}' is not a profile; allowed: ${Object.keys(profileRegistry).join(', ')}`);
  return profile;
}

/** Replicates per arm: `GST_REPLICATES`, else the claim's own count, else the profile's. */
export function activeReplicates(profile: Profile, claimReplicates?: number): number {
  const env = process.env.GST_REPLICATES;
  if (env !== undefined && env !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 2) throw new Error(`GST_REPLICATES='${env}' is not allowed; use an integer ≥ 2`);
    return n;
  }
  return claimReplicates ?? profile.replicates;
}

/** Seeds phase: `GST_SEEDS=calibration|confirmation` (default confirmation: fresh seeds). */
export function activeSeedPhase(): SeedPhase {
  const phase = process.env.GST_SEEDS ?? 'confirmation';
  if (phase !== 'calibration' && phase !== 'confirmation') throw new Error(`GST_SEEDS='${phase}' is not allowed; use calibration or confirmation`);
  return phase;
}
