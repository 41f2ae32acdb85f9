import type { BesideReading, MetricVerdict, StepReport, TestReport } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import { crosses, outcomeOf, zOf, type DecisionRule, type HypothesisData } from './decisionRule.js';
import { armValues, verdictOf, type Deciding } from './verdictOf.js';
import type { Verdict } from '../dsl/verdict.js';
import { holm } from '../../stats/holm.js';
import { jonckheereTerpstra } from '../../stats/jonckheereTerpstra.js';
import { pageTrend } from '../../stats/pageTrend.js';
import type { OrderedHypothesis } from '../dsl/hypothesis.js';
import { compareTwoArms, type TwoArmComparison } from './compareTwoArms.js';

/** The statistics of a comparison's three tests on the z scale. */
const zs = (p: Deciding['p']) => ({ claimed: zOf(p.claimed), opposite: zOf(p.opposite), equivalence: zOf(p.equivalence) });

/** The claim's word from its steps and trend tests (docs/methods/verdicts.md §9.2). */
function claimWord(steps: readonly Verdict[], trendCrosses: boolean, reversedTrendCrosses: boolean): Verdict {
  if (reversedTrendCrosses || steps.includes('contradicted')) return 'contradicted';
  if (trendCrosses && steps.every((v) => v === 'supported')) return 'supported';
  if (steps.includes('absent')) return 'absent';
  if (steps.includes('below minimum')) return 'below minimum';
  return 'not shown';
}

/** The endpoint contrast (first vs last arm): the same two-arm test, its own outcome at the boundary, no Holm (§9.2). */
function endpointReading(c: TwoArmComparison, rule: DecisionRule): BesideReading {
  const p = { claimed: c.pValue, opposite: c.pOpposite, equivalence: c.pEquivalence };
  return { label: `endpoints ${c.label}`, test: c.test, verdict: outcomeOf(rule, p), effect: c.effect, repeatedCi: c.repeatedCi, statistics: zs(p), n: {} };
}

/**
 * Arms ordered largest first: Page's L (paired) or Jonckheere-Terpstra, plus every adjacent step, each
 * with its own outcome from its Holm-adjusted tests (claimed over the steps; opposite with the reversed
 * trend; equivalence over the steps), and the claim's word derived from them (docs/methods/verdicts.md
 * §9.2); the endpoint contrast beside it.
 */
export function evaluateOrdered(h: OrderedHypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const aligned = alignBySeed(Object.fromEntries(h.order.map((arm) => [arm, data[arm]])), { pairBy: h.pairBy });
  const groups = h.order.map((arm) => armValues(aligned, arm));
  const k = h.order.length;
  const paired = aligned.design === 'paired';
  const blocks = () => groups[0].map((_, i) => groups.map((g) => g[i]));
  // claimed: the first arm largest, so it gets the highest predicted rank
  const trend = paired ? pageTrend(blocks(), { predictedRanks: h.order.map((_, j) => k - j) }) : jonckheereTerpstra(groups, { direction: 'decreasing' });
  const opposite = paired ? pageTrend(blocks(), { predictedRanks: h.order.map((_, j) => j + 1) }) : jonckheereTerpstra(groups, { direction: 'increasing' });
  const pairs = h.order.slice(1).map((arm, i) => compareTwoArms(`${h.order[i]} > ${arm}`, groups[i], groups[i + 1], aligned.design, undefined, rule));
  const adjusted = holm(pairs.map((p) => p.pValue));
  // contradicted: Holm over the reversed trend and every reversed step (docs/methods/verdicts.md §8.2)
  const [reversedTrend, ...reversedSteps] = holm([opposite.pValue, ...pairs.map((p) => p.pOpposite)]);
  const equivalenceHolm = holm(pairs.map((p) => p.pEquivalence));
  const stepP = pairs.map((_, i) => ({ claimed: adjusted[i], opposite: reversedSteps[i], equivalence: equivalenceHolm[i] }));
  const stepVerdicts = stepP.map((p) => outcomeOf(rule, p));
  const pairwise: StepReport[] = pairs.map(({ meanDifference: _d, margin: _m, power: _p, repeatedCi, ...p }, i) => ({
    ...p,
    pHolm: adjusted[i],
    verdict: stepVerdicts[i],
    statistics: zs(stepP[i]),
    repeatedCi,
  }));
  const weakest = pairs.reduce((w, p) => (p.effect.value < w.effect.value ? p : w));
  const weakestIndex = pairs.indexOf(weakest);
  const pEquivalence = Math.min(...equivalenceHolm);
  const main: TestReport = {
    label: h.order.join(' > '),
    test: paired ? "page's L" : 'jonckheere-terpstra',
    statistic: trend.statistic,
    pValue: trend.pValue,
    pOpposite: opposite.pValue,
    effect: { name: `weakest adjacent ${weakest.effect.name} (${weakest.label})`, value: weakest.effect.value, ci: weakest.effect.ci },
    pairedEffect: weakest.pairedEffect,
    pEquivalence,
  };
  const step = (i: number, label = pairs[i].label): Deciding => ({
    label,
    p: stepP[i],
    effect: { ...pairs[i].effect, name: `${pairs[i].effect.name} (${pairs[i].label})` },
    repeatedCi: pairs[i].repeatedCi,
  });
  // the trend has no equivalence test of its own: NaN, shown as —
  const trendStep = (label: string): Deciding => ({ ...step(weakestIndex, label), p: { claimed: trend.pValue, opposite: reversedTrend, equivalence: NaN } });
  const pClaimed = Math.max(trend.pValue, ...adjusted);
  const pOpposite = Math.min(reversedTrend, ...reversedSteps);
  const closest = (verdict: Verdict, by: 'opposite' | 'equivalence') =>
    stepP.reduce((best, p, i) => (stepVerdicts[i] === verdict && (best < 0 || p[by] < stepP[best][by]) ? i : best), -1);
  // the comparison each test comes closest on (for `not shown`), and the one each word rests on
  const deciding = (test: 'claimed' | 'opposite' | 'equivalence'): Deciding => {
    if (test === 'equivalence') return step(equivalenceHolm.indexOf(pEquivalence));
    if (test === 'opposite') {
      const i = reversedSteps.indexOf(pOpposite);
      return i >= 0 ? step(i, `${pairs[i].label}, reversed`) : trendStep('reversed trend');
    }
    const i = adjusted.indexOf(pClaimed);
    return i >= 0 ? step(i) : trendStep(`${main.label} (trend)`);
  };
  const verdict = claimWord(stepVerdicts, crosses(rule, trend.pValue), crosses(rule, reversedTrend));
  const contradicting = closest('contradicted', 'opposite');
  const decidingOf: Record<Exclude<Verdict, 'not shown'>, () => Deciding> = {
    supported: () => deciding('claimed'),
    contradicted: () =>
      contradicting >= 0 && stepP[contradicting].opposite <= reversedTrend
        ? step(contradicting, `${pairs[contradicting].label}, reversed`)
        : trendStep('reversed trend'),
    absent: () => step(closest('absent', 'equivalence')),
    'below minimum': () => step(closest('below minimum', 'equivalence')),
  };
  const equivalent = pairs[equivalenceHolm.indexOf(pEquivalence)];
  return verdictOf(rule, aligned, {
    main,
    pairwise,
    beside: [endpointReading(compareTwoArms(`${h.order[0]} > ${h.order[k - 1]}`, groups[0], groups[k - 1], aligned.design, undefined, rule), rule)],
    pClaimed,
    pOpposite,
    equivalence: {
      scale: `mean difference of the closest step (${equivalent.label}), Holm over the steps`,
      lower: -equivalent.margin,
      upper: equivalent.margin,
      pValue: pEquivalence,
    },
    deciding,
    derived: { verdict, deciding: verdict === 'not shown' ? undefined : decidingOf[verdict]() },
    power: weakest.power,
    n: Object.fromEntries(h.order.map((arm, i) => [arm, groups[i].length])),
  });
}
