import type { Hypothesis, MinimumEffect } from '../../src/claims/dsl/hypothesis.js';
import type { HypothesisData } from '../../src/claims/decide/decisionRule.js';
import { orderedHypothesis, orderedTrial, twoArmHypothesis, twoArmTrial, type TrialData } from '../../src/claims/simulateDesign.js';

/** A claim kind under the null with the dependence the real data have: its hypothesis, minimum and data. */
export interface NullClaim {
  readonly hypothesis: Hypothesis;
  readonly minEffect: MinimumEffect;
  readonly data: TrialData;
}

const arms = ['a', 'b', 'c'] as const;

/** Three arms with equal means, correlated `rho` across seeds (every arm shares a seed effect). */
function equalArms(rho: number): TrialData {
  return (rng, maxSeeds) => {
    const values: Record<string, number[]> = { a: [], b: [], c: [] };
    for (let i = 0; i < maxSeeds; i++) {
      const shared = Math.sqrt(rho) * rng.normal();
      for (const arm of arms) values[arm].push(shared + Math.sqrt(1 - rho) * rng.normal());
    }
    const seeds = values.a.map((_, i) => i);
    return (n) => Object.fromEntries(arms.map((arm) => [arm, { seeds: seeds.slice(0, n), values: values[arm].slice(0, n) }])) as HypothesisData;
  };
}

/**
 * Runs of three arms whose x and y are independent (true correlation 0) but each clustered by seed as
 * strongly as `rho` (a seed moves x of every arm together, and y likewise), with arm shifts in x.
 */
function clusteredIndependent(rho: number): TrialData {
  return (rng, maxSeeds) => {
    const x: Record<string, number[]> = { a: [], b: [], c: [] };
    const y: Record<string, number[]> = { a: [], b: [], c: [] };
    for (let i = 0; i < maxSeeds; i++) {
      const seedX = Math.sqrt(rho) * rng.normal();
      const seedY = Math.sqrt(rho) * rng.normal();
      arms.forEach((arm, j) => {
        x[arm].push(j + seedX + Math.sqrt(1 - rho) * rng.normal());
        y[arm].push(seedY + Math.sqrt(1 - rho) * rng.normal());
      });
    }
    const seeds = x.a.map((_, i) => i);
    return (n) =>
      Object.fromEntries(arms.map((arm) => [arm, { seeds: seeds.slice(0, n), values: x[arm].slice(0, n), second: y[arm].slice(0, n) }])) as HypothesisData;
  };
}

/** The three kinds of the paper's claims under the null, as `specs/tradeoff` states them (g_av ≥ 0.5; r ≥ 0.2). */
export const nullClaims = {
  'two-arm': {
    hypothesis: twoArmHypothesis,
    minEffect: { measure: 'hedges-g', value: 0.5 },
    data: twoArmTrial({ pairing: 'paired', correlation: 0.5, shift: 0 }),
  },
  ordered: { hypothesis: { kind: 'ordered', metric: 'best', order: ['a', 'b', 'c'] }, minEffect: { measure: 'hedges-g', value: 0.5 }, data: equalArms(0.5) },
  correlation: {
    hypothesis: { kind: 'correlation', x: 'stability', y: 'gap', arms: ['a', 'b', 'c'], sign: 'positive' },
    minEffect: { measure: 'correlation', value: 0.2 },
    data: clusteredIndependent(0.5),
  },
} as const satisfies Record<string, NullClaim>;

/**
 * Runs of three arms whose x and y correlate `r` (pooled and within every seed), each clustered by seed
 * as strongly as `rho`: y = r·x + √(1 − r²)·e, with e clustered as x is.
 */
function clusteredCorrelated(rho: number, r: number): TrialData {
  return (rng, maxSeeds) => {
    const x: Record<string, number[]> = { a: [], b: [], c: [] };
    const y: Record<string, number[]> = { a: [], b: [], c: [] };
    for (let i = 0; i < maxSeeds; i++) {
      const seedX = Math.sqrt(rho) * rng.normal();
      const seedE = Math.sqrt(rho) * rng.normal();
      for (const arm of arms) {
        const xi = seedX + Math.sqrt(1 - rho) * rng.normal();
        x[arm].push(xi);
        y[arm].push(r * xi + Math.sqrt(1 - r * r) * (seedE + Math.sqrt(1 - rho) * rng.normal()));
      }
    }
    const seeds = x.a.map((_, i) => i);
    return (n) =>
      Object.fromEntries(arms.map((arm) => [arm, { seeds: seeds.slice(0, n), values: x[arm].slice(0, n), second: y[arm].slice(0, n) }])) as HypothesisData;
  };
}

/** The same three kinds with the true effect on the minimum (every step of the order at it), where `absent` and `below minimum` are the errors. */
export const marginClaims = {
  'two-arm': { ...nullClaims['two-arm'], data: twoArmTrial({ pairing: 'paired', correlation: 0.5, shift: 0.5 }) },
  ordered: { ...nullClaims.ordered, hypothesis: orderedHypothesis(3), data: orderedTrial({ pairing: 'paired', correlation: 0.5, shift: 0.5, arms: 3 }) },
  correlation: { ...nullClaims.correlation, data: clusteredCorrelated(0.5, 0.2) },
} as const satisfies Record<string, NullClaim>;
