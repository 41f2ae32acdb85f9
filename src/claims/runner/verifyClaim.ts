import { describe, expect, inject, it } from 'vitest';
import { familySizeOf } from '../dsl/claimFamily.js';
import { expectedFailureAt, type ClaimDefinition } from '../dsl/claimDefinition.js';
import { activeProfile } from '../profiles/profileRegistry.js';
import { evaluateClaim } from '../evaluateClaim.js';
import { collectClaim } from './claimCollector.js';
import { writeLiveClaim } from './liveClaims.js';
import { suiteProgress } from './suiteStatus.js';
import { passesAsTest } from '../decide/decisionRule.js';
import { describeVerdict } from './matchers.js';

/**
 * Registers a claim as a vitest test: it trains what is missing, tests the hypothesis, carries the
 * report to the reporter in `task.meta.claim`, and passes only when the claim is `supported`.
 * A claim expected not to reproduce at the active profile is registered with `it.fails` and its
 * reason, so the suite stays green while the report shows the honest verdict. An A/A control
 * (`control: true`) passes on `absent` or `not shown` only. While the suite's
 * plan is collected (`claimCollector.ts`) it only hands its definition over.
 *
 * @example
 * ```ts
 * verifyClaim(defineClaim({ id: 'prune-l-beats-baseline', ... }));
 * ```
 */
export function verifyClaim(definition: ClaimDefinition): void {
  if (collectClaim({ kind: 'claim', definition })) return;
  const profile = activeProfile();
  const reason = expectedFailureAt(definition, profile.name);
  const register = reason ? it.fails : it;
  describe(`${definition.title} [${definition.paperClaim.split(':')[0]}]`, () => {
    register(
      `${definition.id}${definition.control ? ' (A/A control)' : ''}${reason ? ` (expected not to reproduce at '${profile.name}': ${reason})` : ''}`,
      async ({ task, annotate }) => {
        task.meta.claimDeclared = { id: definition.id, title: definition.title };
        const specPath = expect.getState().testPath;
        const suite = await suiteProgress();
        const report = await evaluateClaim(definition, {
          familySize: familySizeOf(inject('claimFamilies'), specPath),
          onStage: (interim, stage) => {
            if (interim.verdict === 'not shown' && stage.stage < stage.stages) writeLiveClaim({ state: 'open', specPath, report: interim, stage });
            suite.measure();
          },
          progressContext: suite.text,
        });
        writeLiveClaim({ state: 'decided', specPath, report, testPassed: passesAsTest(report) });
        suite.measure();
        task.meta.claim = report;
        // the verdict line on the test: the github-actions reporter shows it on the run, vitest's junit reporter in <properties>
        await annotate(describeVerdict(report), 'notice');
        if (definition.control) expect(report).toPassAsControl();
        else expect(report).toBeSupported();
      },
    );
  });
}
