import { buildClaimReport } from './buildClaimReport.js';
import { claimDesignPower } from './designPower.js';
import { defaultAlpha, type ClaimDefinition } from './dsl/claimDefinition.js';
import type { ClaimReport } from './claimReport.js';
import type { Profile } from './profiles/profile.js';
import { activeDesign, activeProfile, activeSeedPhase } from './profiles/profileRegistry.js';
import { runDesign, stageSeeds } from './design/sequentialDesign.js';
import { conditionalPower, withExpectedSeeds } from './design/normalApproximation.js';
import { zOf } from './decide/decisionRule.js';
import { validateClaim } from './dsl/validateClaim.js';
import { runArms } from './runArms.js';

/** Where a claim's design stands after a stage: the stage (1-based) of how many, and the seeds per arm it read. */
export interface StageProgress {
  readonly stage: number;
  readonly stages: number;
  readonly seedsPerArm: number;
  /** P(`supported` by the last stage | this stage) at the minimum effect (normal approximation; NaN for a fixed design). */
  readonly conditionalPower: number;
}

/**
 * Trains (or reads) a claim's runs at a profile (default the active one) and evaluates it, corrected
 * over a family of `familySize` claims (default 1); `onStage` sees the report of every stage.
 */
export async function evaluateClaim(
  definition: ClaimDefinition,
  options: {
    familySize?: number;
    profile?: Profile;
    onStage?: (report: ClaimReport, stage: StageProgress) => void;
    /** Adds to each progress line (the suite's state, `runner/suiteStatus.ts`). */
    progressContext?: () => string;
  } = {},
): Promise<ClaimReport> {
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
      const { runs, backend, adapter, tfjsVersion } = await runArms({
        arms: definition.arms,
        profile,
        seedsPerArm,
        phase,
        label: definition.id,
        progressContext: options.progressContext,
      });
      const report = buildClaimReport({
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
      const stages = stageSeeds(design);
      const stage = stages.indexOf(seedsPerArm) + 1;
      const v = report.verdicts[0];
      const drift = v.power.driftPerSeed * Math.sqrt(stages[stages.length - 1]);
      const conditional = conditionalPower(design, alpha / familySize, drift, stage, zOf(v.main.pValue));
      options.onStage?.(report, { stage, stages: stages.length, seedsPerArm, conditionalPower: conditional });
      return report;
    },
  });
  const withSeeds = withExpectedSeeds(report, design, alpha / familySize);
  const designPower = await claimDesignPower(withSeeds);
  return designPower === undefined ? withSeeds : { ...withSeeds, designPower };
}
