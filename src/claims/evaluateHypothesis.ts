import { mean } from 'simple-statistics';
import type { Alternative } from '../stats/alternative.js';
import { hedgesG } from '../stats/hedgesG.js';
import { holm } from '../stats/holm.js';
import { jonckheereTerpstra } from '../stats/jonckheereTerpstra.js';
import { kendallTauB } from '../stats/kendallTauB.js';
import { mannWhitneyU } from '../stats/mannWhitneyU.js';
import { oneSampleTTest } from '../stats/oneSampleTTest.js';
import { pearson } from '../stats/pearson.js';
import { permutationTest } from '../stats/permutationTest.js';
import { achievedPower, correlationPower, correlationReplicates, oneSamplePower, replicatesForPower } from '../stats/power.js';
import { spearman } from '../stats/spearman.js';
import { welchTTest } from '../stats/welchTTest.js';
import type { MetricVerdict, PowerReport, TestReport, Verdict } from './claimReport.js';
import type { BelowHypothesis, CorrelationHypothesis, GreaterHypothesis, Hypothesis, MinimumEffect, OrderedHypothesis } from './hypothesis.js';

/** Per-run metric values of the claim's arms; for correlations, the x and y of each run. */
export interface HypothesisData {
  /** arm id → values of the hypothesis' metric, one per run (diverged runs excluded). */
  readonly values: Readonly<Record<string, readonly number[]>>;
  /** arm id → second metric (correlations: y). */
  readonly secondValues?: Readonly<Record<string, readonly number[]>>;
}

/** How a verdict is decided. */
export interface DecisionRule {
  readonly alpha: number;
  readonly minEffect: MinimumEffect;
  /** Number of claims in the family (Bonferroni factor on the claimed-direction p). */
  readonly familySize: number;
  readonly metric: string;
  /** Seed of permutation tests and bootstraps. */
  readonly seed: number;
}

function effectMeets(minEffect: MinimumEffect, test: TestReport, meanDifference: number): boolean {
  if (minEffect.measure === 'mean-difference') return meanDifference >= minEffect.value;
  return test.effect.value >= minEffect.value;
}

function decide(rule: DecisionRule, pClaimed: number, pOpposite: number, meets: boolean): { verdict: Verdict; pAdjusted: number } {
  const pAdjusted = Math.min(1, pClaimed * rule.familySize);
  const oppositeAdjusted = Math.min(1, pOpposite * rule.familySize);
  const verdict: Verdict = pAdjusted <= rule.alpha && meets ? 'supported' : oppositeAdjusted <= rule.alpha ? 'contradicted' : 'not shown';
  return { verdict, pAdjusted };
}

/** A one-sided two-sample comparison "a > b" with Hedges' g as effect. */
function compareGreater(label: string, a: readonly number[], b: readonly number[], test: GreaterHypothesis['test'], seed: number): TestReport & { meanDifference: number } {
  const g = hedgesG(a, b);
  const run = (alternative: Alternative) => {
    if (test === 'mann-whitney') return mannWhitneyU(a, b, { alternative });
    if (test === 'permutation') return permutationTest(a, b, { alternative, seed });
    return welchTTest(a, b, { alternative });
  };
  const claimed = run('greater');
  return {
    label,
    test: test ?? 'welch',
    statistic: claimed.statistic,
    pValue: claimed.pValue,
    pOpposite: run('less').pValue,
    effect: { name: "Hedges' g", value: g.value, ci: g.ci },
    meanDifference: mean([...a]) - mean([...b]),
  };
}

function twoSamplePower(rule: DecisionRule, observed: number, n1: number, n2: number): PowerReport {
  const alpha = rule.alpha / rule.familySize;
  const minimum = rule.minEffect.measure === 'hedges-g' ? rule.minEffect.value : observed;
  return {
    atMinimumEffect: achievedPower({ effect: minimum, n1, n2, alpha, sided: 1 }),
    atObservedEffect: achievedPower({ effect: observed, n1, n2, alpha, sided: 1 }),
    replicatesFor80: observed > 0 ? replicatesForPower({ effect: observed, alpha, sided: 1 }) : Infinity,
  };
}

function need(values: HypothesisData['values'], arm: string): readonly number[] {
  const v = values[arm];
  if (v === undefined || v.length < 2) throw new Error(`claim arm '${arm}' has ${v?.length ?? 0} usable runs; each arm needs ≥ 2`);
  return v;
}

const evaluators: { [K in Hypothesis['kind']]: (h: Extract<Hypothesis, { kind: K }>, data: HypothesisData, rule: DecisionRule) => MetricVerdict } = {
  greater(h: GreaterHypothesis, data, rule) {
    const a = need(data.values, h.arm);
    const b = need(data.values, h.than);
    const main = compareGreater(`${h.arm} > ${h.than}`, a, b, h.test, rule.seed);
    const { verdict, pAdjusted } = decide(rule, main.pValue, main.pOpposite, effectMeets(rule.minEffect, main, main.meanDifference));
    return { metric: rule.metric, verdict, main, pairwise: [], pAdjusted, power: twoSamplePower(rule, main.effect.value, a.length, b.length), n: { [h.arm]: a.length, [h.than]: b.length } };
  },

  ordered(h: OrderedHypothesis, data, rule) {
    const groups = h.order.map((arm) => need(data.values, arm));
    const trend = jonckheereTerpstra(groups, { direction: 'decreasing' });
    const opposite = jonckheereTerpstra(groups, { direction: 'increasing' });
    const pairs = h.order.slice(1).map((arm, i) => compareGreater(`${h.order[i]} > ${arm}`, groups[i], groups[i + 1], 'welch', rule.seed));
    const adjusted = holm(pairs.map((p) => p.pValue));
    const pairwise = pairs.map((p, i) => ({ ...p, pHolm: adjusted[i] }));
    const weakest = pairwise.reduce((w, p) => (p.effect.value < w.effect.value ? p : w));
    const main: TestReport = { label: h.order.join(' > '), test: 'jonckheere-terpstra', statistic: trend.statistic, pValue: trend.pValue, pOpposite: opposite.pValue, effect: { name: `weakest adjacent Hedges' g (${weakest.label})`, value: weakest.effect.value, ci: weakest.effect.ci } };
    const pairsHold = pairwise.every((p) => Math.min(1, p.pHolm * rule.familySize) <= rule.alpha && effectMeets(rule.minEffect, p, p.meanDifference));
    const { verdict, pAdjusted } = decide(rule, trend.pValue, opposite.pValue, pairsHold);
    const n = Object.fromEntries(h.order.map((arm, i) => [arm, groups[i].length]));
    return { metric: rule.metric, verdict, main, pairwise, pAdjusted, power: twoSamplePower(rule, weakest.effect.value, groups[0].length, groups[1].length), n };
  },

  correlation(h: CorrelationHypothesis, data, rule) {
    const xs = h.arms.flatMap((arm) => [...need(data.values, arm)]);
    const ys = h.arms.flatMap((arm) => [...need(data.secondValues ?? {}, arm)]);
    const claimed: Alternative = h.sign === 'negative' ? 'less' : 'greater';
    const opposite: Alternative = h.sign === 'negative' ? 'greater' : 'less';
    const test = h.test ?? 'pearson';
    const fn = test === 'kendall' ? kendallTauB : test === 'spearman' ? spearman : pearson;
    const result = fn(xs, ys, { alternative: claimed });
    const signed = h.sign === 'negative' ? -result.statistic : result.statistic;
    const main: TestReport = {
      label: `${h.x} ~ ${h.y} (${h.sign})`,
      test,
      statistic: result.statistic,
      pValue: result.pValue,
      pOpposite: fn(xs, ys, { alternative: opposite }).pValue,
      effect: { name: test === 'kendall' ? 'Kendall τ-b' : test === 'spearman' ? 'Spearman ρ' : 'Pearson r', value: result.statistic, ci: result.ci },
    };
    const { verdict, pAdjusted } = decide(rule, main.pValue, main.pOpposite, signed >= rule.minEffect.value);
    const alpha = rule.alpha / rule.familySize;
    return {
      metric: rule.metric,
      verdict,
      main,
      pairwise: [],
      pAdjusted,
      power: {
        atMinimumEffect: correlationPower({ r: rule.minEffect.value, n: xs.length, alpha, sided: 1 }),
        atObservedEffect: signed > 0 ? correlationPower({ r: signed, n: xs.length, alpha, sided: 1 }) : 0,
        replicatesFor80: signed > 0 ? correlationReplicates({ r: signed, alpha, sided: 1 }) : Infinity,
      },
      n: { runs: xs.length },
    };
  },

  below(h: BelowHypothesis, data, rule) {
    const x = need(data.values, h.arm);
    const claimed = oneSampleTTest(x, { mu: h.value, alternative: 'less' });
    const opposite = oneSampleTTest(x, { mu: h.value, alternative: 'greater' });
    const shortfall = -claimed.meanDifference;
    const main: TestReport = {
      label: `mean ${h.metric} of ${h.arm} < ${h.value}`,
      test: 'one-sample t',
      statistic: claimed.statistic,
      pValue: claimed.pValue,
      pOpposite: opposite.pValue,
      effect: { name: `${h.value} − mean`, value: shortfall, ci: { lower: -claimed.ci.upper, upper: -claimed.ci.lower, level: claimed.ci.level } },
    };
    const { verdict, pAdjusted } = decide(rule, main.pValue, main.pOpposite, shortfall >= rule.minEffect.value);
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean([...x])) ** 2, 0) / (x.length - 1));
    const dz = sd > 0 ? shortfall / sd : Infinity;
    const alpha = rule.alpha / rule.familySize;
    const power = (d: number) => oneSamplePower({ effect: d, n: x.length, alpha });
    return {
      metric: rule.metric,
      verdict,
      main,
      pairwise: [],
      pAdjusted,
      power: { atMinimumEffect: sd > 0 ? power(rule.minEffect.value / sd) : 1, atObservedEffect: Number.isFinite(dz) ? power(dz) : 1, replicatesFor80: x.length },
      n: { [h.arm]: x.length },
    };
  },
};

/**
 * Tests a hypothesis on per-run values and decides its verdict: `supported` when the claimed
 * direction is significant after the family correction and the effect reaches the minimum,
 * `contradicted` when the opposite direction is significant, `not shown` otherwise.
 *
 * @example
 * ```ts
 * evaluateHypothesis({ kind: 'greater', metric: 'best', arm: 'L', than: 'none' }, { values: { L: [...], none: [...] } },
 *   { alpha: 0.05, minEffect: { measure: 'hedges-g', value: 0.5 }, familySize: 11, metric: 'best', seed: 1 }).verdict;
 * ```
 */
export function evaluateHypothesis(hypothesis: Hypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const evaluate = evaluators[hypothesis.kind] as (h: Hypothesis, d: HypothesisData, r: DecisionRule) => MetricVerdict;
  return evaluate(hypothesis, data, rule);
}
