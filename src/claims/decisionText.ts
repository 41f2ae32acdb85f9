/**
 * How every report writes a claim's decision (docs/methods/verdicts.md §8.3): the deciding comparison,
 * the statistic against the stage's boundary, the repeated CI beside the plain 95 % CI, and the design
 * power, in the same words in the README table, summary.md, index.html, JUnit and failure messages.
 */
import type { ClaimReport } from './claimReport.js';
import { zOf } from './decide/decisionRule.js';

type Decided = Pick<ClaimReport, 'verdict' | 'verdicts' | 'replicateDesign' | 'designPower'>;

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : v > 0 ? '∞' : '−∞');

/** A level as a percentage with two decimals where it has any (99.67 %, 95 %). @example percent(0.996667) // '99.67 %' */
export function percent(level: number): string {
  const p = Math.round(level * 1e6) / 1e4;
  return `${p.toFixed(p % 1 === 0 ? 0 : 2)} %`;
}

/** The deciding comparison: the claim's own, or an ordered claim's deciding pair. @example decidingLabel(report) // 's13 > s1' */
export function decidingLabel(c: Decided): string {
  return c.verdicts[0].decision.label;
}

/**
 * Why the verdict: the deciding test's statistic against its boundary, with the stage:
 * `claimed z 5.12 ≥ 3.71, effect ≥ min (stage 3/9)`, `reversed z …`, `equivalence z …`; for
 * `not shown` the test closest to its boundary (`reversed z 2.76 < 2.78`, or `claimed z … ≥ …, effect < min`).
 */
export function boundaryText(c: Decided): string {
  const d = c.verdicts[0].decision;
  const stage =
    c.replicateDesign?.kind === 'sequential'
      ? ` (stage ${c.replicateDesign.stage}/${c.replicateDesign.stages}${c.replicateDesign.incomplete ? ', runs end here' : ''})`
      : '';
  const test = d.test === 'opposite' ? 'reversed' : d.test;
  const crossed = d.statistic >= d.boundary;
  const minimum = d.test !== 'claimed' ? '' : c.verdict === 'supported' ? ', effect ≥ min' : crossed ? ', effect < min' : '';
  return `${test} z ${fixed(d.statistic, 2)} ${crossed ? '≥' : '<'} ${fixed(d.boundary, 2)}${minimum}${stage}`;
}

/** The repeated CI with its level: `[0.41, 1.92] (RCI 99.67 %)`, or past 99.99 % `(RCI 1 − 1.5e-7)`. */
export function repeatedCiText(c: Decided): string {
  const r = c.verdicts[0].decision.repeatedCi;
  const level = 1 - r.level < 1e-4 ? `1 − ${(1 - r.level).toExponential(1)}` : percent(r.level);
  return `[${fixed(r.lower, 2)}, ${fixed(r.upper, 2)}] (RCI ${level})`;
}

/** The design power: `0.84` (simulated, arms correlated 0.6) or `—` without a design. */
export function designPowerText(c: Decided): string {
  const p = c.designPower;
  if (p === undefined) return '—';
  return `${p.supported.toFixed(2)}${p.correlation === undefined ? '' : ` (ρ ${p.correlation.toFixed(1)})`}`;
}

/** What the decision columns mean, for every report's legend. */
export const decisionLegend =
  "Decision: `deciding` is the comparison the verdict rests on (an ordered claim names its pair); `z vs boundary` is that test's one-sided p on the z scale, Φ⁻¹(1 − p), against the boundary of the stage the claim stopped at (fixed design: Φ⁻¹(1 − α/K)); `RCI` is the repeated confidence interval at that boundary (valid after a sequential stop; its level is the decision's), beside the plain 95 % CI, which is not; `design power` is the probability that the design reaches `supported` when the true effect equals the minimum, simulated with the arms' correlation ρ across seeds (correlations: normal approximation).";

/**
 * One sentence when a non-deciding reading is significant opposite to the deciding one (at the same
 * boundary); empty otherwise (docs/methods/verdicts.md §8.3).
 *
 * @example disagreement(report) // 'The `final` reading points the other way: its claimed direction is significant (z 3.32 ≥ 3.02).'
 */
export function disagreement(c: Pick<ClaimReport, 'verdict' | 'verdicts'>): string {
  const others = c.verdicts.slice(1).flatMap((o) => {
    const claimedZ = zOf(o.main.pValue);
    const oppositeZ = zOf(o.main.pOpposite);
    const b = o.decision.boundary;
    if (c.verdict === 'contradicted' && claimedZ >= b) return [`\`${o.metric}\` (claimed direction z ${fixed(claimedZ, 2)} ≥ ${fixed(b, 2)})`];
    if (c.verdict === 'supported' && oppositeZ >= b) return [`\`${o.metric}\` (opposite direction z ${fixed(oppositeZ, 2)} ≥ ${fixed(b, 2)})`];
    return [];
  });
  return others.length === 0 ? '' : `Readings that point the other way, significant at the same boundary: ${others.join(', ')}.`;
}
