import { describe, expect, it } from 'vitest';
import { evaluateHypothesis } from '../../src/claims/decide/evaluateHypothesis.js';
import type { DecisionRule, HypothesisData } from '../../src/claims/decide/decisionRule.js';
import type { OrderedHypothesis } from '../../src/claims/dsl/hypothesis.js';
import { designBoundaries, runDesign, stageSeeds, type SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';

// docs/methods/verdicts.md §8.2: a step shown significantly the other way refutes the claimed order
const hypothesis: OrderedHypothesis = { kind: 'ordered', metric: 'best', order: ['a', 'b', 'c'] };
const design: SequentialDesign = { kind: 'sequential', stageSize: 10, maxSeeds: 90, spending: 'obrien-fleming' };
const familySize = 15;

/** Seed-matched arms: a is 2 SDs above b as claimed, but c is `reversal` SDs above b (the step b > c reversed). */
function arms(reversal: number, seed: number): (n: number) => HypothesisData {
  const rng = new SeededRandom(seed);
  const shift = { a: 2, b: 0, c: reversal };
  const values: Record<string, number[]> = { a: [], b: [], c: [] };
  for (let i = 0; i < design.maxSeeds; i++) {
    const shared = Math.sqrt(0.5) * rng.normal();
    for (const arm of ['a', 'b', 'c'] as const) values[arm].push(shift[arm] + shared + Math.sqrt(0.5) * rng.normal());
  }
  const seeds = values.a.map((_, i) => i);
  return (n) => Object.fromEntries(Object.entries(values).map(([arm, v]) => [arm, { seeds: seeds.slice(0, n), values: v.slice(0, n) }]));
}

const rule = (critical: number): DecisionRule => ({
  alpha: 0.05,
  minEffect: { measure: 'hedges-g', value: 0.5 },
  familySize,
  metric: 'best',
  seed: 1,
  windowStart: 0,
  critical,
});

describe('an ordered claim with one strongly reversed step', () => {
  it('stops contradicted at the first stage that shows the reversal, naming the reversed step, where the trend alone shows nothing', async () => {
    const data = arms(1.2, 7);
    const report = await runDesign({
      design,
      alpha: 0.05,
      familySize,
      evaluate: async (n, critical) => {
        const v = evaluateHypothesis(hypothesis, data(n), rule(critical ?? NaN));
        return { verdict: v.verdict, decidingMetric: 'best', verdicts: [v] };
      },
    });
    const stage = report.replicateDesign.stage;
    const critical = designBoundaries(design, 0.05 / familySize).critical;
    const v = report.verdicts[0];
    expect(report.verdict).toBe('contradicted');
    expect(v.decision.label).toBe('b > c, reversed');
    expect(v.decision.statistic).toBeGreaterThanOrEqual(critical[stage - 1]);
    expect(v.decision.repeatedCi.upper).toBeLessThan(0);
    // no earlier stage showed it, and the reversed trend alone does not cross at the stopping stage
    const seeds = stageSeeds(design);
    for (let k = 0; k < stage - 1; k++) expect(evaluateHypothesis(hypothesis, data(seeds[k]), rule(critical[k])).verdict).not.toBe('contradicted');
    expect(v.main.pOpposite).toBeGreaterThan(0.05 / familySize);
    expect(stage).toBeGreaterThan(1);
    expect(stage).toBeLessThan(design.maxSeeds / design.stageSize);
  });
});
