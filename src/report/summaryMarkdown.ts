import { backendText } from './backendText.js';
import { mapSearchText } from './mapSearchText.js';
import { testOutcome, type ClaimsDocument } from './claimsDocument.js';
import { liveMarkdown } from './liveSection.js';
import { erroredName } from './erroredClaim.js';
import { escapeMarkdown } from './escapeMarkdown.js';
import {
  besideText,
  boundaryText,
  decidingLabel,
  decisionLegend,
  designPowerText,
  disagreement,
  fixed,
  glanceText,
  repeatedCiText,
  stepsText,
} from '../claims/decisionText.js';
import type { ClaimEntry } from './claimsDocument.js';

const fmtP = (p: number) => (p < 1e-4 ? p.toExponential(1) : p.toFixed(4));
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));
const bounds = (ci: { lower: number; upper: number }) => `[${fmt(ci.lower)}, ${fmt(ci.upper)}]`;
const interval = (e: { value: number; ci: { lower: number; upper: number } }) => `${fmt(e.value)} ${bounds(e.ci)}`;

/** What the four verdicts and the two windows mean, for every report (docs/methods/verdicts.md). */
export const verdictLegend = [
  "Verdicts (docs/methods/verdicts.md §9): each comparison has three one-sided tests at the stage's boundary for α/K (K = the claims of the folder; the A/A controls are their own family; Holm and BH across the run shown): the claimed direction, the opposite one, and equivalence inside ± the spec's minimum (TOST). `supported` = the claimed direction crosses and equivalence does not; `contradicted` = the opposite direction crosses and equivalence does not; `below minimum` = a direction and equivalence both cross (an effect, shown smaller than the minimum); `absent` = equivalence alone; `not shown` = none by the design's last stage (the design power says whether the design could tell). An ordered claim gives each adjacent step its own outcome (Holm within the claim) and its word follows from them: contradicted if a step is (or the reversed trend crosses), supported if every step is and the trend crosses, else absent if a step is, below minimum if a step is, else not shown.",
  "Design: arms that ran the same seeds are compared within seed (paired t, Page's L for orders, seed-cluster jackknife for pooled correlations, with the within-seed repeated-measures correlation beside it); arms on disjoint seeds by unpaired tests. A seed where any arm's run diverged is dropped from every arm.",
  "Window: every accuracy and gap reading of a claim is taken on epochs ≥ the latest last pruning event among its arms, for every arm (unpruned and scratch arms too). `best-authors` reads each run from its own last event (0 for unpruned runs), as the authors' analysis code does: at the paper's scale both agree, but at small scale under label noise the unpruned net can peak before the pruned arms finish pruning, an early-stopping peak the pruned arms cannot have, so that reading is reported and never decides.",
  decisionLegend,
];

/** An ordered claim's steps and the readings beside the deciding one, as a table under the claims (none: nothing). */
function comparisonRows(c: ClaimEntry): string[] {
  const v = c.verdicts[0];
  const b = v.decision.boundary;
  const zText = (v: number) => fixed(v, 2);
  const z = (t: { claimed: number; opposite: number; equivalence: number }) =>
    `${zText(t.claimed)} / ${zText(t.opposite)} / ${zText(t.equivalence)} vs ${zText(b)}`;
  const rows = [
    ...v.pairwise.map(
      (s) => `| step ${escapeMarkdown(s.label)} | **${s.verdict}** | ${s.effect.name} ${interval(s.effect)} | ${bounds(s.repeatedCi)} | ${z(s.statistics)} |`,
    ),
    ...(v.beside ?? []).map(
      (r) =>
        `| ${escapeMarkdown(r.label)} (beside, never deciding) | **${r.verdict}**${r.verdict !== c.verdict ? ' ⚑' : ''} | ${r.effect.name} ${interval(r.effect)} | ${bounds(r.repeatedCi)} | ${z(r.statistics)} |`,
    ),
  ];
  if (rows.length === 0) return [];
  return [
    '',
    `### ${escapeMarkdown(c.id)}: ${v.pairwise.length > 0 ? `${escapeMarkdown(stepsText(v))}` : escapeMarkdown((v.beside ?? []).map(besideText).join('; '))}`,
    '',
    '| comparison | outcome | effect [95% CI] | repeated CI | z claimed / reversed / equivalence (Holm within the claim for steps) |',
    '|---|---|---|---|---|',
    ...rows,
  ];
}

/**
 * The Markdown summary (a table fit for a CI job summary): per claim the verdict under each reading,
 * the design and test, the deciding effect with its CI (d_z beside it when paired), raw and adjusted
 * p, the equivalence p, replicates, power, dropped seeds, and the run's machine and profile.
 */
export function summaryMarkdown(doc: ClaimsDocument): string {
  const first = doc.claims[0];
  const machine = `commit \`${doc.gitCommit}\`, ${doc.machine.cpus}× ${doc.machine.cpuModel}, Node ${doc.machine.node}; ${Math.round(doc.durationSeconds)} s.`;
  const lines = ['# Generalization-stability tradeoff: claims', '', ...(doc.live ? liveMarkdown(doc.live) : [])];
  const errored = doc.errored ?? [];
  if (first === undefined)
    lines.push(doc.live ? `No claim decided yet; ${machine}` : errored.length > 0 ? `No claim gave a verdict; ${machine}` : `Claim maps only, ${machine}`);
  else {
    lines.push(
      `Profile \`${first.profile}\` (${first.seedPhase} seeds), ${backendText(first)}, ${machine}`,
      '',
      `Protocol: ${first.profileDescription}`,
      '',
      '| claim | verdict (deciding reading) | other readings | deciding (design, test) | why: z vs boundary | window from epoch | effect [95% CI] | repeated CI | p (Bonferroni) | equivalence p (Bonferroni) | p Holm | p BH | n per arm | design power | n for 0.8 at min. | dropped seeds | wall time | test |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
  }
  for (const c of doc.claims) {
    const v = c.verdicts[0];
    const others =
      c.verdicts
        .slice(1)
        .map((o) => `${o.metric}: ${o.verdict}`)
        .join('; ') || '—';
    const d = c.replicateDesign;
    const expected = d?.expectedSeedsPerArm
      ? `, E[seeds] ${d.expectedSeedsPerArm.underNull.toFixed(0)} null / ${d.expectedSeedsPerArm.atMinimum.toFixed(0)} at min`
      : '';
    const stage = d?.kind === 'sequential' ? ` (stage ${d.stage} of ${d.stages}, z ≥ ${d.critical[d.stage - 1].toFixed(3)}${expected})` : '';
    const n =
      Object.entries(v.n)
        .map(([k, count]) => (k === 'runs' || k === 'seeds' ? `${count} ${k}` : String(count)))
        .join('/') + stage;
    const role = c.control ? ' (A/A control)' : c.expectedToFail ? ' (expected not to reproduce here)' : '';
    const glance = glanceText(c);
    const effect = `${v.decision.effect.name} ${interval(v.decision.effect)}${v.main.pairedEffect ? `; ${v.main.pairedEffect.name} ${interval(v.main.pairedEffect)}` : ''}${v.withinSeed ? `; within seed r ${v.withinSeed.statistic === null || !Number.isFinite(v.withinSeed.statistic) ? 'undefined (a variable is constant within every seed)' : interval({ value: v.withinSeed.statistic, ci: v.withinSeed.ci })}` : ''}`;
    lines.push(
      `| ${escapeMarkdown(`${c.id}: ${c.title}`)} | **${c.verdict}** (${v.metric})${role}${glance ? `; ${escapeMarkdown(glance)}` : ''} | ${others} | ${decidingLabel(c)} (${v.design}, ${v.main.test}) | ${boundaryText(c)}${disagreement(c) ? ` ${disagreement(c)}` : ''} | ${v.windowStart ?? '—'} | ${effect} | ${repeatedCiText(c)} | ${fmtP(v.main.pValue)} (${fmtP(v.pAdjusted)}) | ${fmtP(v.equivalence.pValue)} (${fmtP(v.equivalence.pAdjusted)}) | ${fmtP(c.pHolm)} | ${fmtP(c.pBH)} | ${n} | ${designPowerText(c)} | ${Number.isFinite(v.power.replicatesFor80) ? v.power.replicatesFor80 : '∞'} | ${v.droppedSeeds.join(' ') || '—'} | ${Math.round(c.durationSeconds)} s | ${testOutcome(c)} |`,
    );
  }
  for (const c of doc.claims) lines.push(...comparisonRows(c));
  if (errored.length > 0)
    lines.push(
      '',
      `## Errors: ${errored.length} without a verdict (each a failure)`,
      '',
      '| claim or file | outcome | error |',
      '|---|---|---|',
      ...errored.map((e) => `| ${escapeMarkdown(erroredName(e))} | **error** | ${escapeMarkdown(e.message)} |`),
    );
  for (const map of doc.maps) {
    const about = map.protocol ? ` (around \`${map.protocol}\`${map.seedPhase ? `, ${map.seedPhase} seeds` : ''})` : '';
    lines.push(
      '',
      `## Claim map: ${map.claimId}${about}`,
      '',
      `| ${map.dimensions.join(' | ')} | verdict | effect | seeds/arm | run cost |`,
      `|${map.dimensions.map(() => '---|').join('')}---|---|---|---|`,
    );
    const cells = [...map.cells].sort((a, b) => map.dimensions.reduce((order, d) => order || (a.point[d] ?? 0) - (b.point[d] ?? 0), 0));
    for (const c of cells)
      lines.push(
        `| ${map.dimensions.map((d) => c.point[d]).join(' | ')} | ${c.verdict} | ${c.effect.toFixed(3)} | ${c.seedsPerArm ?? '—'} | ${c.cost ?? '—'} |`,
      );
    lines.push('', mapSearchText(map));
  }
  lines.push('', ...verdictLegend.flatMap((l) => [l, '']));
  return lines.join('\n');
}
