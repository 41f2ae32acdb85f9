import type { EffectReport, EquivalenceReport, MetricVerdict } from './metricVerdict.js';
import type { Verdict } from '../dsl/verdict.js';
import type { AlignedObservations } from '../design/pairing.js';
import type { Interval } from '../../stats/interval.js';
import { boundaryOf, crosses, levelOf, zOf, type DecisionRule } from './decisionRule.js';

/** Which of a reading's tests an outcome rests on: the claimed direction, the opposite one, or equivalence. */
export const outcomes = ['claimed', 'opposite', 'equivalence'] as const;
export type Outcome = (typeof outcomes)[number];

/** The comparison an outcome rests on: its name, p (ordered: after Holm), effect and repeated CI. */
export interface Deciding {
  readonly label: string;
  readonly p: number;
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
  /** The comparison each outcome rests on (one comparison for all three, except in ordered claims). */
  readonly deciding: (outcome: Outcome) => Deciding;
  /** Whether the effect reaches the spec's minimum (for `supported`). */
  readonly meets: boolean;
  /** The equivalence test: its scale, margins and p (before the family correction). */
  readonly equivalence: Omit<EquivalenceReport, 'pAdjusted'>;
}

/**
 * The verdict of a reading: the first whose condition holds, in the order of docs/methods/verdicts.md
 * (section 4), every p judged by the rule's boundary ({@link crosses}); `pAdjusted` reports p × the family size.
 */
export function verdictOf(
  rule: DecisionRule,
  aligned: Pick<AlignedObservations, 'droppedSeeds'> & { design: MetricVerdict['design'] },
  findings: Findings,
): MetricVerdict {
  const { pClaimed, pOpposite, meets, equivalence, deciding, ...report } = findings;
  const k = rule.familySize;
  const pAdjusted = Math.min(1, pClaimed * k);
  const equivalenceAdjusted = Math.min(1, equivalence.pValue * k);
  const verdict: Verdict =
    crosses(rule, pClaimed) && meets ? 'supported' : crosses(rule, pOpposite) ? 'contradicted' : crosses(rule, equivalence.pValue) ? 'absent' : 'not shown';
  // a verdict rests on its own test; `not shown` on the test that came closest to its boundary
  const outcome: Outcome =
    verdict === 'supported'
      ? 'claimed'
      : verdict === 'contradicted'
        ? 'opposite'
        : verdict === 'absent'
          ? 'equivalence'
          : outcomes.reduce((best, o) => (zOf(deciding(o).p) > zOf(deciding(best).p) ? o : best));
  const d = deciding(outcome);
  return {
    decision: {
      test: outcome,
      label: d.label,
      statistic: zOf(d.p),
      boundary: boundaryOf(rule),
      level: levelOf(rule),
      repeatedCi: d.repeatedCi,
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

/** The deciding comparison of a reading with one comparison: every outcome rests on it, each with its own p. */
export function oneComparison(label: string, effect: EffectReport, p: Readonly<Record<Outcome, number>>, repeatedCi: Interval): (outcome: Outcome) => Deciding {
  return (outcome) => ({ label, p: p[outcome], effect, repeatedCi });
}
