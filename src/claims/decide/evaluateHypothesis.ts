import type { MetricVerdict } from './metricVerdict.js';
import { evaluateBelow } from './below.js';
import { evaluateCorrelation } from './correlation.js';
import type { DecisionRule, HypothesisData } from './decisionRule.js';
import { evaluateGreater } from './greater.js';
import { evaluateOrdered } from './ordered.js';
import type { Hypothesis } from '../dsl/hypothesis.js';

export type { DecisionRule, HypothesisData } from './decisionRule.js';

type Evaluator<H extends Hypothesis> = (h: H, data: HypothesisData, rule: DecisionRule) => MetricVerdict;

/** One evaluator per hypothesis kind (one file each in this folder, src/claims/decide/). */
const evaluators = {
  greater: evaluateGreater,
  ordered: evaluateOrdered,
  correlation: evaluateCorrelation,
  below: evaluateBelow,
} as const satisfies { [K in Hypothesis['kind']]: Evaluator<Extract<Hypothesis, { kind: K }>> };

/**
 * Tests a hypothesis on the claim's per-seed values and decides one of the four verdicts
 * (docs/methods/verdicts.md): the design (paired by seed, or unpaired) picks the tests; `supported`
 * when the claimed direction is significant after the family correction and the effect reaches the
 * minimum, `contradicted` when the opposite direction is, `absent` when equivalence inside ±minimum
 * is shown, `not shown` otherwise.
 *
 * @example
 * ```ts
 * evaluateHypothesis({ kind: 'greater', metric: 'best', arm: 'l13', than: 'none' },
 *   { l13: { seeds: [1, 2, 3], values: [0.71, 0.72, 0.70] }, none: { seeds: [1, 2, 3], values: [0.69, 0.70, 0.69] } },
 *   { alpha: 0.05, minEffect: { measure: 'hedges-g', value: 0.5 }, familySize: 11, metric: 'best', seed: 1, windowStart: 10 }).design; // 'paired'
 * ```
 */
export function evaluateHypothesis(hypothesis: Hypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const evaluate = evaluators[hypothesis.kind] as Evaluator<Hypothesis>;
  return evaluate(hypothesis, data, rule);
}
