import fc from 'fast-check';
import { canonicalJson } from '../../primitives/canonicalJson.js';
import type { RunConfig } from '../../results/runConfig.js';
import type { RunRequest } from '../../run/runJob.js';
import { armRequests } from '../armRequests.js';
import type { ClaimDefinition } from '../dsl/claimDefinition.js';
import { stageSeeds } from '../design/sequentialDesign.js';
import type { Profile, SeedPhase } from '../profiles/profile.js';
import { activeDesign, activeProfile, activeSeedPhase } from '../profiles/profileRegistry.js';
import { readSetting } from '../../settings.js';
import type { CollectedClaims } from './claimCollector.js';

/** The runs one look of a claim adds (config index into {@link SuitePlan.configs}, seed). */
export interface PlannedStage {
  readonly seedsPerArm: number;
  readonly runs: readonly (readonly [number, number])[];
}

/** A claim of the suite and every look its design may take (a property claim: those of each drawn point, in order). */
export interface PlannedClaim {
  readonly id: string;
  readonly file: string;
  readonly stages: readonly PlannedStage[];
}

/**
 * The most a suite can train, known before it trains: every claim of its spec files at every stage
 * of its design. A property claim is planned at the points fast-check draws first (the same seed and
 * path); the points a failure's shrinking tries are not in the plan, nor are files that register
 * their tests themselves (claim maps), which are listed in `unplanned`.
 */
export interface SuitePlan {
  readonly startedAt: string;
  readonly profile: string;
  readonly seedPhase: SeedPhase;
  readonly configs: readonly { readonly config: RunConfig; readonly trainEpochs?: number }[];
  readonly claims: readonly PlannedClaim[];
  readonly unplanned: readonly { readonly file: string; readonly why: string }[];
}

/** The settings a plan depends on: the active profile and seed phase, and fast-check's seed and path. */
export function suitePlanSettings(): { profile: Profile; seedPhase: SeedPhase; fcSeed: number; fcPath?: string } {
  return { profile: activeProfile(), seedPhase: activeSeedPhase(), fcSeed: readSetting('GST_FC_SEED'), fcPath: readSetting('GST_FC_PATH') };
}

/** The claims a declared claim stands for: itself, or the claim at each point a property draws first. */
function pointsOf(claim: CollectedClaims['claims'][number]['claim'], profile: Profile, fcSeed: number, fcPath: string | undefined): ClaimDefinition[] {
  if (claim.kind === 'claim') return [claim.definition];
  const { space, claimAt, numRuns } = claim.definition;
  return fc.sample(space(profile), { seed: fcSeed, path: fcPath, numRuns }).map(claimAt);
}

/**
 * Plans a suite from the claims its spec files declare (`collectClaims`).
 *
 * @example
 * ```ts
 * planSuite(await collectClaims(files), { profile: miniProfile, seedPhase: 'confirmation', fcSeed: 20261127, startedAt: new Date() });
 * ```
 */
export function planSuite(
  collected: CollectedClaims,
  options: { profile: Profile; seedPhase: SeedPhase; fcSeed: number; fcPath?: string; startedAt: Date },
): SuitePlan {
  const { profile, seedPhase } = options;
  const configs: { config: RunConfig; trainEpochs?: number }[] = [];
  const configIndex = new Map<string, number>();
  const indexOf = (request: RunRequest): number => {
    const entry = { config: request.config, trainEpochs: request.trainEpochs };
    const key = canonicalJson(entry);
    if (!configIndex.has(key)) configIndex.set(key, configs.push(entry) - 1);
    return configIndex.get(key) as number;
  };
  const claims = collected.claims.map(({ file, claim }): PlannedClaim => {
    const seen = new Set<string>();
    const stages = pointsOf(claim, profile, options.fcSeed, options.fcPath).flatMap((definition) =>
      stageSeeds(activeDesign(profile, definition.seedsPerArm)).map((seedsPerArm): PlannedStage => {
        const requests = armRequests({ arms: definition.arms, profile, seedsPerArm, phase: seedPhase, label: definition.id });
        const runs: (readonly [number, number])[] = [];
        for (const request of requests) {
          const run = [indexOf(request), request.seed] as const;
          const key = run.join(':');
          if (seen.has(key)) continue;
          seen.add(key);
          runs.push(run);
        }
        return { seedsPerArm, runs };
      }),
    );
    return { id: claim.definition.id, file, stages };
  });
  return { startedAt: options.startedAt.toISOString(), profile: profile.name, seedPhase, configs, claims, unplanned: collected.unread };
}
