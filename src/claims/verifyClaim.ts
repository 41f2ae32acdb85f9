import { describe, expect, it } from 'vitest';
import { buildClaimReport } from './buildClaimReport.js';
import { claimFamilySize } from './claimFamily.js';
import { expectedFailureAt, type ClaimDefinition } from './claimDefinition.js';
import type { ClaimReport } from './claimReport.js';
import './matchers.js';
import type { Profile } from './profiles/profile.js';
import { activeDesign, activeProfile, activeSeedPhase } from './profiles/profileRegistry.js';
import { runDesign, withExpectedSeeds } from './sequentialDesign.js';
import { hypothesisArms } from './hypothesis.js';
import { runArms } from './runArms.js';

/** Trains (or reads) a claim's runs at the active profile and evaluates it. */
export async function evaluateClaim(definition: ClaimDefinition, specPath?: string, profile: Profile = activeProfile()): Promise<ClaimReport> {
  const started = performance.now();
  const phase = activeSeedPhase();
  const unknown = hypothesisArms(definition.hypothesis).filter((a) => !(a in definition.arms));
  if (unknown.length > 0)
    throw new Error(`claim ${definition.id}: hypothesis names arms ${unknown.join(', ')} that are not in arms (${Object.keys(definition.arms).join(', ')})`);
  const familySize = claimFamilySize(specPath);
  const design = activeDesign(profile, definition.replicates);
  const alpha = definition.alpha ?? 0.05;
  const report = await runDesign({
    design,
    alpha,
    familySize,
    evaluate: async (seedsPerArm, critical) => {
      const { runs, backend, adapter, tfjsVersion } = await runArms({ arms: definition.arms, profile, replicates: seedsPerArm, phase, label: definition.id });
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

/**
 * Registers a claim as a vitest test: it trains what is missing, tests the hypothesis, carries the
 * report to the reporter in `task.meta.claim`, and passes only when the claim is `supported`.
 * A claim expected not to reproduce at the active profile is registered with `it.fails` and its
 * reason, so the suite stays green while the report shows the honest verdict. An A/A control
 * (`control: true`) passes unless it comes out `supported` or `contradicted`.
 *
 * @example
 * ```ts
 * verifyClaim(defineClaim({ id: 'prune-l-beats-baseline', ... }));
 * ```
 */
export function verifyClaim(definition: ClaimDefinition): void {
  const profile = activeProfile();
  const reason = expectedFailureAt(definition, profile.name);
  const register = reason ? it.fails : it;
  describe(`${definition.title} [${definition.paperClaim.split(':')[0]}]`, () => {
    register(
      `${definition.id}${definition.control ? ' (A/A control)' : ''}${reason ? ` (expected not to reproduce at '${profile.name}': ${reason})` : ''}`,
      async ({ task }) => {
        const report = await evaluateClaim(definition, expect.getState().testPath);
        task.meta.claim = report;
        if (definition.control) expect(report).toPassAsControl();
        else expect(report).toBeSupported();
      },
    );
  });
}

/**
 * Identity helper that types a claim definition: the hypothesis may only name the claim's arm ids
 * (a misspelt arm is a compile error there, not a run-time one).
 */
export function defineClaim<const Arm extends string>(definition: ClaimDefinition<Arm>): ClaimDefinition {
  return definition;
}
