import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { familySizeOf } from '../dsl/claimFamily.js';
import { readSetting } from '../../settings.js';
import { expectedFailureAt } from '../dsl/claimDefinition.js';
import type { ClaimReport } from '../claimReport.js';
import { describeVerdict } from './matchers.js';
import { activeProfile } from '../profiles/profileRegistry.js';
import { evaluateClaim } from '../evaluateClaim.js';
import { passesAsTest } from '../decide/decisionRule.js';
import { collectClaim } from './claimCollector.js';
import type { PropertyClaimDefinition } from './propertyClaimDefinition.js';
import { writeLiveClaim } from './liveClaims.js';
import { suiteProgress } from './suiteStatus.js';

/**
 * Registers a property claim: fast-check draws points of the configuration space (seeded by
 * `GST_FC_SEED`, default 20261127; replay one path with `GST_FC_PATH`), evaluates the claim at each
 * (runs are cached and shared across points), and shrinks a failure to the simplest configuration.
 * The report carries the seed, the path and the counterexample.
 */
export function verifyPropertyClaim<T>(definition: PropertyClaimDefinition<T>): void {
  if (collectClaim({ kind: 'property', definition: definition as PropertyClaimDefinition<unknown> })) return;
  const profile = activeProfile();
  const reason = expectedFailureAt(definition, profile.name);
  const register = reason ? it.fails : it;
  describe(`${definition.title} [${definition.paperClaim.split(':')[0]}]`, () => {
    register(
      `${definition.id} (property over configurations)${reason ? ` (expected not to reproduce at '${profile.name}': ${reason})` : ''}`,
      async ({ task, annotate }) => {
        task.meta.claimDeclared = { id: definition.id, title: definition.title };
        const seed = readSetting('GST_FC_SEED');
        const path = readSetting('GST_FC_PATH');
        const specPath = expect.getState().testPath;
        let last: ClaimReport | undefined;
        const failing = new Map<string, ClaimReport>();
        const started = performance.now();
        const suite = await suiteProgress();
        const details = await fc.check(
          fc.asyncProperty(definition.space(profile), async (value) => {
            const report = await evaluateClaim(definition.claimAt(value), {
              familySize: familySizeOf(inject('claimFamilies'), specPath),
              onStage: (interim, stage) => {
                // the property as a whole is open at this point's stage
                if (interim.verdict === 'not shown' && stage.stage < stage.stages)
                  writeLiveClaim({ state: 'open', specPath, report: { ...interim, id: definition.id, title: definition.title }, stage });
                suite.measure();
              },
              progressContext: suite.text,
            });
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
        writeLiveClaim({ state: 'decided', specPath, report, testPassed: passesAsTest(report) });
        suite.measure();
        task.meta.claim = report;
        // the verdict line on the test: the github-actions reporter shows it on the run, vitest's junit reporter in <properties>
        await annotate(describeVerdict(report), 'notice');
        expect(report).toBeSupported();
      },
    );
  });
}
