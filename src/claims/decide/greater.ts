import type { MetricVerdict } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import type { DecisionRule, HypothesisData } from './decisionRule.js';
import { armValues, oneComparison, verdictOf } from './verdictOf.js';
import type { GreaterHypothesis } from '../dsl/hypothesis.js';
import { compareTwoArms } from './compareTwoArms.js';

/** `arm > than` by the design's two-arm test (docs/methods/verdicts.md, section 3). */
export function evaluateGreater(h: GreaterHypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const aligned = alignBySeed({ [h.arm]: data[h.arm], [h.than]: data[h.than] }, { pairBy: h.pairBy });
  const a = armValues(aligned, h.arm);
  const b = armValues(aligned, h.than);
  const main = compareTwoArms(`${h.arm} > ${h.than}`, a, b, aligned.design, h.test, rule);
  const { meanDifference: _d, margin, power, repeatedCi, ...report } = main;
  return verdictOf(rule, aligned, {
    main: report,
    pairwise: [],
    pClaimed: main.pValue,
    pOpposite: main.pOpposite,
    equivalence: { scale: 'mean difference', lower: -margin, upper: margin, pValue: main.pEquivalence },
    deciding: oneComparison(main.label, main.effect, { claimed: main.pValue, opposite: main.pOpposite, equivalence: main.pEquivalence }, repeatedCi),
    power,
    n: { [h.arm]: a.length, [h.than]: b.length },
  });
}
