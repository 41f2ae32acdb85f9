import type { MetricVerdict } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import type { DecisionRule, HypothesisData } from './decisionRule.js';
import { armValues, verdictOf, type Outcome } from './verdictOf.js';
import { holm } from '../../stats/holm.js';
import { jonckheereTerpstra } from '../../stats/jonckheereTerpstra.js';
import { pageTrend } from '../../stats/pageTrend.js';
import type { TestReport } from './metricVerdict.js';
import type { OrderedHypothesis } from '../dsl/hypothesis.js';
import { compareTwoArms, reachesMinimum } from './compareTwoArms.js';

/**
 * Arms ordered largest first: Page's L (paired) or Jonckheere-Terpstra, plus every adjacent pair, Holm
 * within. Supported: the trend and every step (Holm) cross, each step ≥ the minimum; contradicted:
 * Holm over the reversed trend and the reversed steps crosses; absent: a step is equivalent (Holm).
 */
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
  // contradicted: Holm over the reversed trend and every reversed step (docs/methods/verdicts.md §8.2)
  const [reversedTrend, ...reversedSteps] = holm([opposite.pValue, ...pairs.map((p) => p.pOpposite)]);
  const equivalenceHolm = holm(pairs.map((p) => p.pEquivalence));
  const pairwise = pairs.map(({ meanDifference: _d, margin: _m, power: _p, repeatedCi: _r, ...p }, i) => ({ ...p, pHolm: adjusted[i] }));
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
  const step = (i: number, p: number, label = pairs[i].label) => ({
    label,
    p,
    effect: { ...pairs[i].effect, name: `${pairs[i].effect.name} (${pairs[i].label})` },
    repeatedCi: pairs[i].repeatedCi,
  });
  const weakestIndex = pairs.indexOf(weakest);
  const pClaimed = Math.max(trend.pValue, ...adjusted);
  const pOpposite = Math.min(reversedTrend, ...reversedSteps);
  const deciding = (outcome: Outcome) => {
    if (outcome === 'equivalence') return step(equivalenceHolm.indexOf(pEquivalence), pEquivalence);
    if (outcome === 'opposite') {
      const i = reversedSteps.indexOf(pOpposite);
      return i >= 0 ? step(i, pOpposite, `${pairs[i].label}, reversed`) : step(weakestIndex, pOpposite, 'reversed trend');
    }
    const i = adjusted.indexOf(pClaimed);
    return i >= 0 ? step(i, pClaimed) : step(weakestIndex, pClaimed, `${main.label} (trend)`);
  };
  const pairsMeet = pairs.every((p) => reachesMinimum(rule.minEffect, p));
  const equivalent = pairs[equivalenceHolm.indexOf(pEquivalence)];
  return verdictOf(rule, aligned, {
    main,
    pairwise,
    pClaimed,
    pOpposite,
    meets: pairsMeet,
    equivalence: {
      scale: `mean difference of the closest pair (${equivalent.label}), Holm over the pairs`,
      lower: -equivalent.margin,
      upper: equivalent.margin,
      pValue: pEquivalence,
    },
    deciding,
    power: weakest.power,
    n: Object.fromEntries(h.order.map((arm, i) => [arm, groups[i].length])),
  });
}
