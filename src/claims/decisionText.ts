/**
 * How every report writes a claim's decision (docs/methods/verdicts.md §8.3, §9): the deciding
 * comparison, its tests against the stage's boundary, an ordered claim's steps, the readings beside the
 * deciding one, the repeated CI beside the plain 95 % CI, and the design power, in the same words in the
 * README table, summary.md, index.html, JUnit and failure messages.
 */
import type { ClaimReport } from './claimReport.js';
import type { BesideReading, MetricVerdict, TestStatistics } from './decide/metricVerdict.js';
import { zLimit, zOf } from './decide/decisionRule.js';

type Decided = Pick<ClaimReport, 'verdict' | 'verdicts' | 'replicateDesign' | 'designPower'>;

/** A number for the reports: `—` when there is none (no such test), ±∞ at or past the z limit (p 0 or 1). */
export const fixed = (v: number | null, digits: number) =>
  v === null || Number.isNaN(v) ? '—' : Math.abs(v) >= zLimit || !Number.isFinite(v) ? (v > 0 ? '∞' : '−∞') : v.toFixed(digits);

/** A level as a percentage with two decimals where it has any (99.67 %, 95 %). @example percent(0.996667) // '99.67 %' */
export function percent(level: number): string {
  const p = Math.round(level * 1e6) / 1e4;
  return `${p.toFixed(p % 1 === 0 ? 0 : 2)} %`;
}

/** A level close to 1 as `1 − 9.5e-10`, else as a percentage. */
const levelText = (level: number) => (1 - level < 1e-4 ? `1 − ${(1 - level).toExponential(1)}` : percent(level));

/** The deciding comparison: the claim's own, or an ordered claim's deciding step. @example decidingLabel(report) // 's13 > s1' */
export function decidingLabel(c: Decided): string {
  return c.verdicts[0].decision.label;
}

const testName = { claimed: 'claimed', opposite: 'reversed', equivalence: 'equivalence' } as const;

/** One test against the boundary: `claimed z 5.12 ≥ 3.71`. */
const against = (test: keyof TestStatistics, z: number, boundary: number) =>
  `${testName[test]} z ${fixed(z, 2)} ${z >= boundary ? '≥' : '<'} ${fixed(boundary, 2)}`;

/**
 * Why the verdict, from the deciding comparison's tests against the stage's boundary (§9.1):
 * `claimed z 7.05 ≥ 6.12, equivalence z −1.20 < 6.12 (stage 2/9)` for an effect; the direction and the
 * equivalence for `below minimum`; the equivalence for `absent`; for `not shown` the test closest to its boundary.
 */
export function boundaryText(c: Decided): string {
  const d = c.verdicts[0].decision;
  const stage =
    c.replicateDesign?.kind === 'sequential'
      ? ` (stage ${c.replicateDesign.stage}/${c.replicateDesign.stages}${c.replicateDesign.incomplete ? ', runs end here' : ''})`
      : '';
  const z = d.statistics;
  const b = d.boundary;
  if (c.verdict === 'supported') return `${against('claimed', z.claimed, b)}, ${against('equivalence', z.equivalence, b)}${stage}`;
  if (c.verdict === 'contradicted') return `${against('opposite', z.opposite, b)}, ${against('equivalence', z.equivalence, b)}${stage}`;
  if (c.verdict === 'below minimum') {
    const direction = z.claimed >= b ? 'claimed' : 'opposite';
    return `${against(direction, z[direction], b)} and ${against('equivalence', z.equivalence, b)}${stage}`;
  }
  return `${against(d.test, d.statistic, b)}${stage}`;
}

/** The repeated CI with this look's level and the simultaneous one over all stages: `[0.06, 0.66] (RCI 99.46 % this look, 99.33 % all stages)`; one level where they are the same (a fixed design). */
export function repeatedCiText(c: Decided): string {
  const d = c.verdicts[0].decision;
  const r = d.repeatedCi;
  if (d.simultaneousLevel === undefined || Math.abs(d.simultaneousLevel - r.level) < 1e-9)
    return `[${fixed(r.lower, 2)}, ${fixed(r.upper, 2)}] (RCI ${levelText(r.level)})`;
  return `[${fixed(r.lower, 2)}, ${fixed(r.upper, 2)}] (RCI ${levelText(r.level)} this look, ${levelText(d.simultaneousLevel)} all stages)`;
}

/** The design power: `0.84 / 0.42 (ρ 0.2)`: P(supported) at the minimum, P(absent) at no effect; `—` without a design. */
export function designPowerText(c: Decided): string {
  const p = c.designPower;
  if (p === undefined) return '—';
  const absent = p.absentAtZero === undefined ? '' : ` / ${p.absentAtZero.toFixed(2)}`;
  return `${p.supported.toFixed(2)}${absent}${p.correlation === undefined ? '' : ` (ρ ${p.correlation.toFixed(1)})`}`;
}

/**
 * An ordered claim's steps at a glance (§9.2): `2 of 3 steps supported; s13 > l13 absent`; empty for other claims.
 *
 * @example stepsText(report.verdicts[0]) // '2 of 3 steps supported; s13 > l13 absent'
 */
export function stepsText(v: Pick<MetricVerdict, 'pairwise'>): string {
  if (v.pairwise.length === 0) return '';
  const supported = v.pairwise.filter((s) => s.verdict === 'supported').length;
  const others = v.pairwise.filter((s) => s.verdict !== 'supported').map((s) => `${s.label} ${s.verdict}`);
  return [`${supported} of ${v.pairwise.length} steps supported`, ...others].join('; ');
}

/** A reading beside the deciding one: `pruned arms only (s1, s13, l13): not shown, Pearson r 0.09 [−0.10, 0.27]`. */
export function besideText(b: BesideReading): string {
  return `${b.label}: ${b.verdict}, ${b.effect.name} ${fixed(b.effect.value, 2)} [${fixed(b.effect.ci.lower, 2)}, ${fixed(b.effect.ci.upper, 2)}]`;
}

/**
 * The readings beside the deciding one whose outcome differs from the verdict (§9.3), flagged: empty
 * when they agree or there are none; `compact` leaves out their effects.
 *
 * @example besideDisagreement(report) // '⚑ pruned arms only (s1, s13, l13): not shown, Pearson r 0.09 [−0.10, 0.27]'
 */
export function besideDisagreement(c: Pick<ClaimReport, 'verdict' | 'verdicts'>, options: { compact?: boolean } = {}): string {
  const differing = (c.verdicts[0].beside ?? []).filter((b) => b.verdict !== c.verdict);
  return differing.map((b) => `⚑ ${options.compact ? `${b.label.replace(/ \(.*\)$/, '')}: ${b.verdict}` : besideText(b)}`).join('; ');
}

/**
 * A claim at a glance beside its verdict: an ordered claim's steps and the flagged readings beside
 * the deciding one (`compact`: `2/3 steps supported (s13 > l13 absent); ⚑ endpoints: supported`).
 *
 * @example glanceText(report, { compact: true }) // '2/3 steps supported (s13 > l13 absent); ⚑ endpoints: supported'
 */
export function glanceText(c: Pick<ClaimReport, 'verdict' | 'verdicts'>, options: { compact?: boolean } = {}): string {
  const v = c.verdicts[0];
  const failing = v.pairwise.filter((s) => s.verdict !== 'supported').map((s) => `${s.label} ${s.verdict}`);
  const steps =
    v.pairwise.length === 0
      ? ''
      : options.compact
        ? `${v.pairwise.length - failing.length}/${v.pairwise.length} steps supported${failing.length > 0 ? ` (${failing.join('; ')})` : ''}`
        : stepsText(v);
  return [steps, besideDisagreement(c, options)].filter((t) => t !== '').join('; ');
}

/** What the decision columns mean, for every report's legend. */
export const decisionLegend =
  "Decision: `deciding` is the comparison the verdict rests on (an ordered claim names its step); `z vs boundary` gives that comparison's tests, each one-sided p on the z scale, Φ⁻¹(1 − p), against the boundary of the stage the claim stopped at (fixed design: Φ⁻¹(1 − α/K)): an effect needs its direction past the boundary and equivalence not, `below minimum` both, `absent` equivalence alone (docs/methods/verdicts.md §9.1); `RCI` is the repeated confidence interval at that boundary, with this look's level and the coverage guaranteed over all stages together, 1 − 2α/K (valid after a sequential stop), beside the plain 95 % CI, which is not; `design power` is P(supported) when the true effect equals the minimum / P(absent) when there is none, for the whole sequential rule, simulated with the arms' correlation ρ across seeds (correlations and one-sample claims: normal approximation); ⚑ flags a reading beside the deciding one (an ordered claim's endpoints, a correlation among the pruned arms only or with arm fixed effects) whose outcome differs.";

/**
 * One sentence when a non-deciding reading is significant (at the same boundary) in a direction the
 * verdict does not state; empty otherwise (docs/methods/verdicts.md §9.5).
 *
 * @example disagreement(report) // 'Readings significant in a direction the verdict does not state: `final` (claimed direction z 3.12 ≥ 2.78).'
 */
export function disagreement(c: Pick<ClaimReport, 'verdict' | 'verdicts'>): string {
  const d = c.verdicts[0].decision;
  const stated =
    c.verdict === 'supported'
      ? 'claimed'
      : c.verdict === 'contradicted'
        ? 'opposite'
        : c.verdict === 'below minimum'
          ? d.statistics.claimed >= d.boundary
            ? 'claimed'
            : 'opposite'
          : undefined;
  const others = c.verdicts.slice(1).flatMap((o) => {
    const b = o.decision.boundary;
    return (['claimed', 'opposite'] as const)
      .filter((direction) => direction !== stated && zOf(direction === 'claimed' ? o.main.pValue : o.main.pOpposite) >= b)
      .map((direction) => {
        const z = zOf(direction === 'claimed' ? o.main.pValue : o.main.pOpposite);
        return `\`${o.metric}\` (${direction} direction z ${fixed(z, 2)} ≥ ${fixed(b, 2)})`;
      });
  });
  return others.length === 0 ? '' : `Readings significant in a direction the verdict does not state: ${others.join(', ')}.`;
}
