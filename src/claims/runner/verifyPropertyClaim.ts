import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { familySizeOf } from '../dsl/claimFamily.js';
import { readSetting } from '../../settings.js';
import { expectedFailureAt, type ClaimDefinition } from '../dsl/claimDefinition.js';
import type { ClaimReport } from '../claimReport.js';
import './matchers.js';
import type { Profile } from '../profiles/profile.js';
import { activeProfile } from '../profiles/profileRegistry.js';
import { evaluateClaim } from '../evaluateClaim.js';

/** A claim over a space of configurations: every value the arbitrary draws must give a supported claim. */
export interface PropertyClaimDefinition<T> {
  readonly id: string;
  readonly title: string;
  readonly paperClaim: string;
  /** The configuration space at a profile (e.g. pairs of rates from its sweep). */
  readonly space: (profile: Profile) => fc.Arbitrary<T>;
  /** The claim that must hold at one point of the space. */
  readonly claimAt: (value: T) => ClaimDefinition;
  /** Points tried (bounded by the training budget: each new point may train new arms). */
  readonly numRuns: number;
  readonly expectedToFail?: ClaimDefinition['expectedToFail'];
}

/**
 * Registers a property claim: fast-check draws points of the configuration space (seeded by
 * `GST_FC_SEED`, default 20261127; replay one path with `GST_FC_PATH`), evaluates the claim at each
 * (runs are cached and shared across points), and shrinks a failure to the simplest configuration.
 * The report carries the seed, the path and the counterexample.
 */
export function verifyPropertyClaim<T>(definition: PropertyClaimDefinition<T>): void {
  const profile = activeProfile();
  const reason = expectedFailureAt(definition, profile.name);
  const register = reason ? it.fails : it;
  describe(`${definition.title} [${definition.paperClaim.split(':')[0]}]`, () => {
    register(
      `${definition.id} (property over configurations)${reason ? ` (expected not to reproduce at '${profile.name}': ${reason})` : ''}`,
      async ({ task }) => {
        const seed = readSetting('GST_FC_SEED');
        const path = readSetting('GST_FC_PATH');
        const specPath = expect.getState().testPath;
        let last: ClaimReport | undefined;
        const failing = new Map<string, ClaimReport>();
        const started = performance.now();
        const details = await fc.check(
          fc.asyncProperty(definition.space(profile), async (value) => {
            const report = await evaluateClaim(definition.claimAt(value), { familySize: familySizeOf(inject('claimFamilies'), specPath) });
            last = report;
            if (report.verdict !== 'supported') failing.set(JSON.stringify(value), report);
            return report.verdict === 'supported';
          }),
          { seed, path, numRuns: definition.numRuns, endOnFailure: false },
        );
        const counterexample = details.counterexample ? JSON.stringify(details.counterexample[0]) : undefined;
        const shown = (counterexample !== undefined ? failing.get(counterexample) : undefined) ?? last;
        if (shown === undefined) throw new Error(`${definition.id}: the property evaluated no configuration`);
        const report: ClaimReport = {
          ...shown,
          id: definition.id,
          title: definition.title,
          paperClaim: definition.paperClaim,
          verdict: details.failed ? shown.verdict : 'supported',
          expectedToFail: reason,
          durationSeconds: (performance.now() - started) / 1000,
          property: {
            seed,
            path: details.counterexamplePath ?? path,
            numRuns: details.numRuns,
            counterexample,
            replay: `GST_FC_SEED=${seed}${details.counterexamplePath ? ` GST_FC_PATH=${details.counterexamplePath}` : ''} npx vitest run ${specPath === undefined ? '' : relative(process.cwd(), specPath)}`,
          },
        };
        task.meta.claim = report;
        expect(report).toBeSupported();
      },
    );
  });
}
