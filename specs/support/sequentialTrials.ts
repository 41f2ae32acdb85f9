import type { MetricVerdict } from '../../src/claims/decide/metricVerdict.js';
import { crosses, type DecisionRule } from '../../src/claims/decide/decisionRule.js';
import { evaluateHypothesis } from '../../src/claims/decide/evaluateHypothesis.js';
import { miniV1Profile } from '../../src/claims/profiles/miniV1Profile.js';
import { runDesign, type SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';

/**
 * The `mini-v1` design (docs/methods/verdicts.md §7.1; another design where given) checked through the claims' own decision path:
 * `runDesign` stage by stage, each stage judged by `evaluateHypothesis` ("a > b", paired t, Hedges'
 * g_av ≥ 0.5, TOST at ±0.5 SD) on the first 5k seeds of seed-correlated paired data.
 */
export const design = miniV1Profile.design as SequentialDesign;
export const trials = 2000;
const minEffect = 0.5;

interface Outcome {
  readonly verdict: MetricVerdict['verdict'];
  /** Whether the claimed direction crossed a stage's boundary (significance, whatever the estimate). */
  readonly significant: boolean;
  readonly seeds: number;
}

/** One sequential trial: arms with SD 1 and correlation ρ across seeds; arm a is `shift` SDs above b. */
async function trial(rng: SeededRandom, correlation: number, shift: number, familySize: number, d: SequentialDesign): Promise<Outcome> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < d.maxSeeds; i++) {
    const seedPart = Math.sqrt(correlation) * rng.normal();
    a.push(shift + seedPart + Math.sqrt(1 - correlation) * rng.normal());
    b.push(seedPart + Math.sqrt(1 - correlation) * rng.normal());
  }
  const seeds = a.map((_, i) => i);
  let significant = false;
  const report = await runDesign({
    design: d,
    alpha: 0.05,
    familySize,
    evaluate: async (n, critical) => {
      const rule: DecisionRule = {
        alpha: 0.05,
        minEffect: { measure: 'hedges-g', value: minEffect },
        familySize,
        metric: 'best',
        seed: 1,
        windowStart: 0,
        critical,
      };
      const v = evaluateHypothesis(
        { kind: 'greater', metric: 'best', arm: 'a', than: 'b' },
        { a: { seeds: seeds.slice(0, n), values: a.slice(0, n) }, b: { seeds: seeds.slice(0, n), values: b.slice(0, n) } },
        rule,
      );
      significant ||= crosses(rule, v.main.pValue);
      return { verdict: v.verdict, decidingMetric: 'best', verdicts: [v] };
    },
  });
  return { verdict: report.verdict, significant, seeds: report.replicateDesign.seedsPerArm[report.replicateDesign.stage - 1] };
}

/** Shares of verdicts (and of significance) over the trials, and the mean seeds per arm at the stop. */
export async function simulate(seed: number, correlation: number, shift: number, familySize: number, d: SequentialDesign = design) {
  const rng = new SeededRandom(seed);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < trials; i++) outcomes.push(await trial(rng, correlation, shift, familySize, d));
  const share = (f: (o: Outcome) => boolean) => outcomes.filter(f).length / trials;
  return {
    supported: share((o) => o.verdict === 'supported'),
    contradicted: share((o) => o.verdict === 'contradicted'),
    absent: share((o) => o.verdict === 'absent'),
    significant: share((o) => o.significant),
    meanSeeds: outcomes.reduce((s, o) => s + o.seeds, 0) / trials,
  };
}

/** α + 3 Monte Carlo SE. */
export const bound = (level: number) => level + 3 * Math.sqrt((level * (1 - level)) / trials);
