/**
 * Sequential trials of a claim through the claims' own decision path (`runDesign` stage by stage,
 * each stage judged by `evaluateHypothesis`): for the design power (src/claims/designPower.ts) and
 * the simulations that check the designs' error rates (`npm run test:design`).
 */
import { evaluateHypothesis } from './decide/evaluateHypothesis.js';
import { crosses, type DecisionRule, type HypothesisData } from './decide/decisionRule.js';
import type { Hypothesis, MinimumEffect } from './dsl/hypothesis.js';
import type { Verdict } from './dsl/verdict.js';
import type { Pairing } from './design/pairing.js';
import { runDesign, type ReplicateDesign } from './design/sequentialDesign.js';
import { SeededRandom } from '../primitives/seededRandom.js';

/** Shares of verdicts (and of crossing the claimed boundary at any stage) over simulated sequential trials, and the mean seeds per arm at the stop. */
export interface SimulatedDesign {
  readonly supported: number;
  readonly contradicted: number;
  readonly belowMinimum: number;
  readonly absent: number;
  readonly significant: number;
  readonly meanSeeds: number;
  /** Each trial's verdict, in order (e.g. to combine trials of several claims into families). */
  readonly verdicts: readonly Verdict[];
}

/** Draws one trial's data for up to `maxSeeds` seeds; the returned function gives the first `n` seeds of every arm. */
export type TrialData = (rng: SeededRandom, maxSeeds: number) => (n: number) => HypothesisData;

/**
 * A two-arm trial: arms with SD 1, correlated `correlation` across seeds when paired (disjoint seeds
 * otherwise), arm `a` `shift` SDs above `b`.
 *
 * @example
 * ```ts
 * twoArmTrial({ pairing: 'paired', correlation: 0.5, shift: 0.5 })(new SeededRandom(1), 10)(5).a.values.length; // 5
 * ```
 */
export function twoArmTrial(options: { pairing: Pairing; correlation: number; shift: number }): TrialData {
  const rho = options.pairing === 'paired' ? Math.min(0.99, Math.max(0, options.correlation)) : 0;
  return (rng, maxSeeds) => {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < maxSeeds; i++) {
      const shared = Math.sqrt(rho) * rng.normal();
      a.push(options.shift + shared + Math.sqrt(1 - rho) * rng.normal());
      b.push(shared + Math.sqrt(1 - rho) * rng.normal());
    }
    const seedsA = a.map((_, i) => i);
    const seedsB = options.pairing === 'paired' ? seedsA : a.map((_, i) => i + maxSeeds);
    return (n) => ({ a: { seeds: seedsA.slice(0, n), values: a.slice(0, n) }, b: { seeds: seedsB.slice(0, n), values: b.slice(0, n) } });
  };
}

/** "a > b", the hypothesis of {@link twoArmTrial}. */
export const twoArmHypothesis: Hypothesis = { kind: 'greater', metric: 'best', arm: 'a', than: 'b' };

/**
 * An ordered trial: `arms` arms with SD 1, seed-correlated `correlation` when paired (disjoint seeds
 * otherwise), each `shift` SDs above the next (arm `a0` largest), as {@link orderedHypothesis} claims.
 *
 * @example
 * ```ts
 * orderedTrial({ pairing: 'paired', correlation: 0.5, shift: 0.5, arms: 3 })(new SeededRandom(1), 10)(5).a2.values.length; // 5
 * ```
 */
export function orderedTrial(options: { pairing: Pairing; correlation: number; shift: number; arms: number }): TrialData {
  const rho = options.pairing === 'paired' ? Math.min(0.99, Math.max(0, options.correlation)) : 0;
  const k = options.arms;
  return (rng, maxSeeds) => {
    const values = Array.from({ length: k }, () => [] as number[]);
    for (let i = 0; i < maxSeeds; i++) {
      const shared = Math.sqrt(rho) * rng.normal();
      values.forEach((arm, j) => arm.push((k - 1 - j) * options.shift + shared + Math.sqrt(1 - rho) * rng.normal()));
    }
    const seedsOf = (j: number) => values[j].map((_, i) => (options.pairing === 'paired' ? i : i + j * maxSeeds));
    return (n) => Object.fromEntries(values.map((arm, j) => [`a${j}`, { seeds: seedsOf(j).slice(0, n), values: arm.slice(0, n) }]));
  };
}

/** "a0 > a1 > … > a(k−1)", the hypothesis of {@link orderedTrial}. */
export const orderedHypothesis = (arms: number): Hypothesis => ({ kind: 'ordered', metric: 'best', order: Array.from({ length: arms }, (_, j) => `a${j}`) });

/**
 * Sequential trials of a claim through the decision path: each trial draws its data (`data`), and
 * `runDesign` judges its stages by `evaluateHypothesis` with the spec's minimum (and TOST at ± it).
 *
 * @example
 * ```ts
 * await simulateDesign({ design, alpha: 0.05, familySize: 15, minEffect: { measure: 'hedges-g', value: 0.5 }, hypothesis: twoArmHypothesis,
 *   data: twoArmTrial({ pairing: 'paired', correlation: 0.5, shift: 0.5 }), trials: 200, seed: 1 });
 * ```
 */
export async function simulateDesign(options: {
  design: ReplicateDesign;
  alpha: number;
  familySize: number;
  minEffect: MinimumEffect;
  hypothesis: Hypothesis;
  data: TrialData;
  trials: number;
  seed: number;
}): Promise<SimulatedDesign> {
  const { design, alpha, familySize, trials } = options;
  const maxSeeds = design.kind === 'fixed' ? design.seedsPerArm : design.maxSeeds;
  const rng = new SeededRandom(options.seed);
  const outcomes: { verdict: Verdict; significant: boolean; seeds: number }[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const firstSeeds = options.data(rng, maxSeeds);
    let significant = false;
    const report = await runDesign({
      design,
      alpha,
      familySize,
      evaluate: async (n, critical) => {
        const rule: DecisionRule = { alpha, minEffect: options.minEffect, familySize, metric: 'best', seed: 1, windowStart: 0, critical, descriptive: false };
        const v = evaluateHypothesis(options.hypothesis, firstSeeds(n), rule);
        significant ||= crosses(rule, v.main.pValue);
        return { verdict: v.verdict, decidingMetric: 'best', verdicts: [v] };
      },
    });
    const d = report.replicateDesign;
    outcomes.push({ verdict: report.verdict, significant, seeds: d.seedsPerArm[d.stage - 1] });
  }
  const share = (f: (o: (typeof outcomes)[number]) => boolean) => outcomes.filter(f).length / trials;
  return {
    supported: share((o) => o.verdict === 'supported'),
    contradicted: share((o) => o.verdict === 'contradicted'),
    belowMinimum: share((o) => o.verdict === 'below minimum'),
    absent: share((o) => o.verdict === 'absent'),
    significant: share((o) => o.significant),
    meanSeeds: outcomes.reduce((s, o) => s + o.seeds, 0) / trials,
    verdicts: outcomes.map((o) => o.verdict),
  };
}
