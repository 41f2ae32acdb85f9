import type { MetricVerdict } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import { crosses, type DecisionRule, type HypothesisData } from './decisionRule.js';
import { armValues, verdictOf } from './verdictOf.js';
import { holm } from '../../stats/holm.js';
import { jonckheereTerpstra } from '../../stats/jonckheereTerpstra.js';
import { pageTrend } from '../../stats/pageTrend.js';
import type { TestReport } from './metricVerdict.js';
import type { OrderedHypothesis } from '../dsl/hypothesis.js';
import { compareTwoArms, meetsMinimum } from './compareTwoArms.js';

/** Arms ordered largest first: Page's L (paired) or Jonckheere-Terpstra, plus every adjacent pair, Holm within. */
export function evaluateOrdered(h: OrderedHypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const aligned = alignBySeed(Object.fromEntries(h.order.map((arm) => [arm, data[arm]])));
  const groups = h.order.map((arm) => armValues(aligned, arm));
  const k = h.order.length;
  const paired = aligned.design === 'paired';
  const blocks = () => groups[0].map((_, i) => groups.map((g) => g[i]));
  // claimed: the first arm largest, so it gets the highest predicted rank
  const trend = paired ? pageTrend(blocks(), { predictedRanks: h.order.map((_, j) => k - j) }) : jonckheereTerpstra(groups, { direction: 'decreasing' });
  const opposite = paired ? pageTrend(blocks(), { predictedRanks: h.order.map((_, j) => j + 1) }) : jonckheereTerpstra(groups, { direction: 'increasing' });
  const pairs = h.order.slice(1).map((arm, i) => compareTwoArms(`${h.order[i]} > ${arm}`, groups[i], groups[i + 1], aligned.design, undefined, rule));
  const adjusted = holm(pairs.map((p) => p.pValue));
  const equivalenceHolm = holm(pairs.map((p) => p.pEquivalence));
  const pairwise = pairs.map(({ meanDifference: _d, margin: _m, power: _p, ...p }, i) => ({ ...p, pHolm: adjusted[i] }));
  const weakest = pairs.reduce((w, p) => (p.effect.value < w.effect.value ? p : w));
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
  const pairsHold = pairs.every((p, i) => crosses(rule, adjusted[i]) && meetsMinimum(rule.minEffect, p));
  const equivalent = pairs[equivalenceHolm.indexOf(pEquivalence)];
  return verdictOf(rule, aligned, {
    main,
    pairwise,
    pClaimed: trend.pValue,
    pOpposite: opposite.pValue,
    meets: pairsHold,
    equivalence: {
      scale: `mean difference of the closest pair (${equivalent.label}), Holm over the pairs`,
      lower: -equivalent.margin,
      upper: equivalent.margin,
      pValue: pEquivalence,
    },
    power: weakest.power,
    n: Object.fromEntries(h.order.map((arm, i) => [arm, groups[i].length])),
  });
}
