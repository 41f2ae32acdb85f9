import type { EffectReport, EquivalenceReport, MetricVerdict } from './metricVerdict.js';
import type { Verdict } from '../dsl/verdict.js';
import type { AlignedObservations } from '../design/pairing.js';
import type { Interval } from '../../stats/interval.js';
import { boundaryOf, levelOf, outcomeOf, zOf, type DecisionRule } from './decisionRule.js';

/** Which of a reading's tests an outcome rests on: the claimed direction, the opposite one, or equivalence. */
export const outcomes = ['claimed', 'opposite', 'equivalence'] as const;
export type Outcome = (typeof outcomes)[number];

/** The comparison an outcome rests on: its name, the p of each of its tests (ordered: after Holm), effect and repeated CI. */
export interface Deciding {
  readonly label: string;
  readonly p: Readonly<Record<Outcome, number>>;
  readonly effect: EffectReport;
  readonly repeatedCi: Interval;
}

/** What an evaluator found, before the verdict: the tests' p-values, whether the effect meets the minimum, and the rest of the report. */
export interface Findings extends Omit<
  MetricVerdict,
  'metric' | 'verdict' | 'design' | 'windowStart' | 'droppedSeeds' | 'pAdjusted' | 'equivalence' | 'decision'
> {
  /** One-sided p of the claimed and of the opposite direction (ordered: after Holm over the trend and the steps). */
  readonly pClaimed: number;
  readonly pOpposite: number;
  /** The comparison each test rests on (one comparison for all three, except in ordered claims). */
  readonly deciding: (outcome: Outcome) => Deciding;
  /** The equivalence test: its scale, margins and p (before the family correction). */
  readonly equivalence: Omit<EquivalenceReport, 'pAdjusted'>;
  /** An ordered claim's word, derived from its steps (§9.2), and the comparison it rests on; others: the outcome of `pClaimed`, `pOpposite` and the equivalence p (§9.1). */
  readonly derived?: { readonly verdict: Verdict; readonly deciding?: Deciding };
}

/** The test an outcome of one comparison rests on (`below minimum`: equivalence, with the direction beside it). */
const testOf = { supported: 'claimed', contradicted: 'opposite', 'below minimum': 'equivalence', absent: 'equivalence' } as const satisfies Partial<
  Record<Verdict, Outcome>
>;

/**
 * The verdict of a reading: the outcome of its three tests (docs/methods/verdicts.md §9.1), each p
 * judged by the rule's boundary, or an ordered claim's word derived from its steps (§9.2);
 * `pAdjusted` reports p × the family size.
 */
export function verdictOf(
  rule: DecisionRule,
  aligned: Pick<AlignedObservations, 'droppedSeeds'> & { design: MetricVerdict['design'] },
  findings: Findings,
): MetricVerdict {
  const { pClaimed, pOpposite, equivalence, deciding, derived, ...report } = findings;
  const k = rule.familySize;
  const pAdjusted = Math.min(1, pClaimed * k);
  const equivalenceAdjusted = Math.min(1, equivalence.pValue * k);
  const verdict: Verdict = derived?.verdict ?? outcomeOf(rule, { claimed: pClaimed, opposite: pOpposite, equivalence: equivalence.pValue });
  // a verdict rests on its own test; `not shown` on the test that came closest to its boundary
  const test: Outcome =
    verdict === 'not shown' ? outcomes.reduce((best, o) => (zOf(deciding(o).p[o]) > zOf(deciding(best).p[best]) ? o : best)) : testOf[verdict];
  const d = derived?.deciding ?? deciding(test);
  return {
    decision: {
      test,
      label: d.label,
      statistic: zOf(d.p[test]),
      statistics: { claimed: zOf(d.p.claimed), opposite: zOf(d.p.opposite), equivalence: zOf(d.p.equivalence) },
      boundary: boundaryOf(rule),
      level: levelOf(rule),
      repeatedCi: d.repeatedCi,
      simultaneousLevel: 1 - 2 * levelOf(rule),
      effect: d.effect,
    },
    metric: rule.metric,
    verdict,
    design: aligned.design,
    windowStart: rule.windowStart,
    droppedSeeds: aligned.droppedSeeds,
    pAdjusted,
    equivalence: { ...equivalence, pAdjusted: equivalenceAdjusted },
    ...report,
  };
}

/** An arm's aligned values; an error naming the arm when fewer than 2 are usable. */
export function armValues(aligned: AlignedObservations, arm: string): number[] {
  const v = aligned.values[arm];
  if (v === undefined || v.length < 2)
    throw new Error(`claim arm '${arm}' has ${v?.length ?? 0} usable runs${aligned.design === 'paired' ? ' at seeds every arm has' : ''}; each arm needs ≥ 2`);
  return v;
}

/** The deciding comparison of a reading with one comparison: every test rests on it. */
export function oneComparison(label: string, effect: EffectReport, p: Readonly<Record<Outcome, number>>, repeatedCi: Interval): (outcome: Outcome) => Deciding {
  return () => ({ label, p, effect, repeatedCi });
}
