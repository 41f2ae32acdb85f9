import { buildClaimReport } from './buildClaimReport.js';
import { defaultAlpha, type ClaimDefinition } from './dsl/claimDefinition.js';
import type { ClaimReport } from './claimReport.js';
import type { Profile } from './profiles/profile.js';
import { activeDesign, activeProfile, activeSeedPhase } from './profiles/profileRegistry.js';
import { runDesign, withExpectedSeeds } from './design/sequentialDesign.js';
import { validateClaim } from './dsl/validateClaim.js';
import { runArms } from './runArms.js';

/**
 * Trains (or reads) a claim's runs at a profile (default the active one) and evaluates it, corrected
 * over a family of `familySize` claims (default 1).
 */
export async function evaluateClaim(definition: ClaimDefinition, options: { familySize?: number; profile?: Profile } = {}): Promise<ClaimReport> {
  const { familySize = 1, profile = activeProfile() } = options;
  const started = performance.now();
  const phase = activeSeedPhase();
  validateClaim(definition);
  const design = activeDesign(profile, definition.seedsPerArm);
  const alpha = definition.alpha ?? defaultAlpha;
  const report = await runDesign({
    design,
    alpha,
    familySize,
    evaluate: async (seedsPerArm, critical) => {
      const { runs, backend, adapter, tfjsVersion } = await runArms({ arms: definition.arms, profile, seedsPerArm, phase, label: definition.id });
      return buildClaimReport({
        definition,
        runs,
        familySize,
        profile,
        seedPhase: phase,
        backend,
        adapter,
        tfjsVersion,
        durationSeconds: (performance.now() - started) / 1000,
        critical,
      });
    },
  });
  return withExpectedSeeds(report, design, alpha / familySize);
}
