import { describe, expect, it } from 'vitest';
import { evaluateHypothesis } from '../../src/claims/decide/evaluateHypothesis.js';
import type { DecisionRule } from '../../src/claims/decide/decisionRule.js';
import type { MetricVerdict } from '../../src/claims/decide/metricVerdict.js';
import { runDesign, type SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { miniProfile } from '../../src/claims/profiles/miniProfile.js';
import { twoArmHypothesis, twoArmTrial, type TrialData } from '../../src/claims/simulateDesign.js';
import type { Hypothesis, MinimumEffect } from '../../src/claims/dsl/hypothesis.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { nullClaims } from '../support/nullTrials.js';

// docs/methods/verdicts.md §8.3: the repeated CI at the stopping stage covers the true effect at ≥ its level, after the sequential stop
const design = miniProfile.design as SequentialDesign;
const trials = 2000;

async function coverage(
  claim: { hypothesis: Hypothesis; minEffect: MinimumEffect; data: TrialData },
  truth: number,
): Promise<{ covered: number; level: number }> {
  const rng = new SeededRandom(23);
  let covered = 0;
  let level = 1;
  for (let t = 0; t < trials; t++) {
    const data = claim.data(rng, design.maxSeeds);
    const report = await runDesign({
      design,
      alpha: 0.05,
      familySize: 1,
      evaluate: async (n, critical) => {
        const rule: DecisionRule = {
          alpha: 0.05,
          minEffect: claim.minEffect,
          familySize: 1,
          metric: 'best',
          seed: 1,
          windowStart: 0,
          critical,
          descriptive: false,
        };
        const v: MetricVerdict = evaluateHypothesis(claim.hypothesis, data(n), rule);
        return { verdict: v.verdict, decidingMetric: 'best', verdicts: [v] };
      },
    });
    const r = report.verdicts[0].decision.repeatedCi;
    level = Math.min(level, r.level);
    if (r.lower <= truth && truth <= r.upper) covered++;
  }
  return { covered: covered / trials, level };
}

describe(`repeated CIs through the claim decision path (mini design, α = 0.05, ${trials} sequential trials)`, () => {
  it(
    'two-arm, paired (arms correlated 0.5), true g_av 0.3: the interval of the stopping stage covers it at ≥ 1 − 2α − 3 SE',
    { timeout: 600_000 },
    async () => {
      const r = await coverage(
        {
          hypothesis: twoArmHypothesis,
          minEffect: { measure: 'hedges-g', value: 0.5 },
          data: twoArmTrial({ pairing: 'paired', correlation: 0.5, shift: 0.3 }),
        },
        0.3,
      );
      console.error(`two-arm RCI coverage ${JSON.stringify(r)}`);
      expect(r.level).toBeGreaterThanOrEqual(0.9 - 1e-12);
      expect(r.covered).toBeGreaterThanOrEqual(0.9 - 3 * Math.sqrt((0.9 * 0.1) / trials));
    },
  );

  it('correlation over seed-clustered runs, true r 0: covered at ≥ 1 − 2α − 3 SE', { timeout: 600_000 }, async () => {
    const r = await coverage(nullClaims.correlation, 0);
    console.error(`correlation RCI coverage ${JSON.stringify(r)}`);
    expect(r.covered).toBeGreaterThanOrEqual(0.9 - 3 * Math.sqrt((0.9 * 0.1) / trials));
  });
});
