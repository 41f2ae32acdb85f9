import type { EquivalenceReport, MetricVerdict } from './metricVerdict.js';
import type { Verdict } from '../dsl/verdict.js';
import type { AlignedObservations } from '../design/pairing.js';
import { crosses, type DecisionRule } from './decisionRule.js';

/** What an evaluator found, before the verdict: the tests' p-values, whether the effect meets the minimum, and the rest of the report. */
export interface Findings extends Omit<MetricVerdict, 'metric' | 'verdict' | 'design' | 'windowStart' | 'droppedSeeds' | 'pAdjusted' | 'equivalence'> {
  /** One-sided p of the claimed and of the opposite direction. */
  readonly pClaimed: number;
  readonly pOpposite: number;
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
  const { pClaimed, pOpposite, meets, equivalence, ...report } = findings;
  const k = rule.familySize;
  const pAdjusted = Math.min(1, pClaimed * k);
  const equivalenceAdjusted = Math.min(1, equivalence.pValue * k);
  const verdict: Verdict =
    crosses(rule, pClaimed) && meets ? 'supported' : crosses(rule, pOpposite) ? 'contradicted' : crosses(rule, equivalence.pValue) ? 'absent' : 'not shown';
  return {
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
