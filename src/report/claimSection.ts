import { boundaryText, decidingLabel, designPowerText, disagreement, fixed, glanceText, repeatedCiText } from '../claims/decisionText.js';
import type { ClaimsDocument } from './claimsDocument.js';
import { escapeHtml } from './escapeHtml.js';

type Claim = ClaimsDocument['claims'][number];

const esc = escapeHtml;
const fmt = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d));

/** A within-seed correlation with its CI, or `undefined` where a variable is constant within every seed (§9.5). */
function withinSeedText(w: { statistic: number | null; ci: { lower: number; upper: number } }): string {
  return w.statistic === null || !Number.isFinite(w.statistic)
    ? 'undefined (a variable is constant within every seed)'
    : `${fmt(w.statistic)} [${fmt(w.ci.lower)}, ${fmt(w.ci.upper)}]`;
}

/** One sentence on the replicate design a claim ran under. */
function designLine(c: Claim): string {
  const d = c.replicateDesign;
  if (d === undefined) return '';
  if (d.kind === 'fixed') return `<p>Replicates: fixed, ${d.seedsPerArm[0]} seeds per arm; α/family = ${fmt(d.spentAlpha, 4)}.</p>`;
  return `<p>Replicates: group-sequential (${esc(d.spending ?? '')} α-spending), stages of ${d.seedsPerArm.join(' / ')} seeds per arm with z boundaries ${d.critical.map((z) => fmt(z)).join(' / ')}; stopped at stage ${d.stage} of ${d.stages}, α spent ${fmt(d.spentAlpha, 4)}${d.expectedSeedsPerArm ? `; expected seeds per arm ${fmt(d.expectedSeedsPerArm.underNull, 1)} under the null, ${fmt(d.expectedSeedsPerArm.atMinimum, 1)} at the minimum effect` : ''}.</p>`;
}

/** An ordered claim's tally of steps and the flagged readings beside the deciding one, as a sentence (none: nothing). */
function v0Glance(c: Claim): string {
  const text = glanceText(c);
  return text ? ` <b>${esc(text)}</b>` : '';
}

/** A claim's section of index.html: its statement, design, decision, every reading with an ordered claim's steps and the readings beside, and its arms. */
export function claimSection(c: Claim): string {
  const readings = c.verdicts
    .map(
      (v) =>
        `<tr><td>${esc(v.metric)}</td><td class="verdict ${v.verdict.replace(' ', '-')}">${v.verdict}</td><td>${esc(`${v.design}, ${v.main.test}`)}</td><td>${v.windowStart ?? '—'}</td><td>${v.main.pValue.toExponential(2)}</td><td>${v.pAdjusted.toExponential(2)}</td>` +
        `<td>${esc(v.main.effect.name)} ${fmt(v.main.effect.value)} [${fmt(v.main.effect.ci.lower)}, ${fmt(v.main.effect.ci.upper)}]${v.main.pairedEffect ? `; ${esc(v.main.pairedEffect.name)} ${fmt(v.main.pairedEffect.value)} [${fmt(v.main.pairedEffect.ci.lower)}, ${fmt(v.main.pairedEffect.ci.upper)}]` : ''}${v.withinSeed ? `; within seed r ${withinSeedText(v.withinSeed)}` : ''}</td>` +
        `<td>${v.equivalence.pValue.toExponential(2)} (${v.equivalence.pAdjusted.toExponential(2)}) within ±${fmt(v.equivalence.upper)} ${esc(v.equivalence.scale)}</td><td>${fmt(v.power.fixedAtMinimum, 2)}</td><td>${Number.isFinite(v.power.replicatesFor80) ? v.power.replicatesFor80 : '∞'}</td><td>${v.droppedSeeds.join(' ') || '—'}</td></tr>` +
        v.pairwise
          .map(
            (p) =>
              `<tr class="pair step"><td></td><td class="verdict ${p.verdict.replace(' ', '-')}">step: ${p.verdict}</td><td colspan="2">${esc(p.label)} (${esc(p.test)})</td><td>${p.pValue.toExponential(2)}</td><td>Holm ${p.pHolm.toExponential(2)}</td><td>${esc(p.effect.name)} ${fmt(p.effect.value)} [${fmt(p.effect.ci.lower)}, ${fmt(p.effect.ci.upper)}]; repeated CI [${fmt(p.repeatedCi.lower)}, ${fmt(p.repeatedCi.upper)}]</td><td>${p.pEquivalence.toExponential(2)}</td><td colspan="3">z after Holm: claimed ${fixed(p.statistics.claimed, 2)}, reversed ${fixed(p.statistics.opposite, 2)}, equivalence ${fixed(p.statistics.equivalence, 2)} vs ${fixed(v.decision.boundary, 2)}</td></tr>`,
          )
          .join('') +
        (v.beside ?? [])
          .map(
            (b) =>
              `<tr class="pair beside"><td></td><td class="verdict ${b.verdict.replace(' ', '-')}">${b.verdict}${b.verdict !== c.verdict ? ' ⚑' : ''}</td><td colspan="2">${esc(b.label)} (${esc(b.test)}; beside, never deciding)</td><td colspan="2">${Object.entries(
                b.n,
              )
                .map(([k, n]) => `${n} ${esc(k)}`)
                .join(
                  ', ',
                )}</td><td>${esc(b.effect.name)} ${fmt(b.effect.value)} [${fmt(b.effect.ci.lower)}, ${fmt(b.effect.ci.upper)}]; repeated CI [${fmt(b.repeatedCi.lower)}, ${fmt(b.repeatedCi.upper)}]</td><td></td><td colspan="3">z: claimed ${fixed(b.statistics.claimed, 2)}, reversed ${fixed(b.statistics.opposite, 2)}, equivalence ${fixed(b.statistics.equivalence, 2)} vs ${fixed(v.decision.boundary, 2)}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  const metrics = Object.keys(c.arms[0]?.summary ?? {});
  const arms = c.arms
    .map(
      (a) =>
        `<tr><td>${esc(a.label)}</td><td>${esc(a.description)}</td><td>${a.runs.length}</td>${metrics.map((m) => `<td>${fmt(a.summary[m]?.mean)} ± ${fmt(a.summary[m]?.sd)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<section class="claim" id="${esc(c.id)}"><h2>${esc(c.id)}: ${esc(c.title)}</h2><p class="paper">${esc(c.paperClaim)}</p>
<p>Verdict: <b class="verdict ${c.verdict.replace(' ', '-')}">${c.verdict}</b> on <code>${esc(c.decidingMetric)}</code>${c.control ? ' (A/A control: passes on absent or not shown)' : ''}; accuracy readings from epoch ${c.windowStart} (common window); α = ${c.alpha} over a family of ${c.familySize} (Holm across the run: p = ${c.pHolm.toExponential(2)}, BH: ${c.pBH.toExponential(2)}); minimum effect ${c.minEffect.value} (${c.minEffect.measure}).${c.expectedToFail ? ` <i>Expected not to reproduce at this profile: ${esc(c.expectedToFail)}</i>` : ''}${c.property ? ` fast-check seed ${c.property.seed}${c.property.counterexample ? `, counterexample ${esc(c.property.counterexample)}` : ''}; replay: <code>${esc(c.property.replay)}</code>` : ''}</p>
${designLine(c)}<p>Decision: ${esc(`${decidingLabel(c)}: ${boundaryText(c)}; ${c.verdicts[0].decision.effect.name} ${fmt(c.verdicts[0].decision.effect.value)}, 95 % CI [${fmt(c.verdicts[0].decision.effect.ci.lower)}, ${fmt(c.verdicts[0].decision.effect.ci.upper)}], repeated CI ${repeatedCiText(c)}; design power ${designPowerText(c)}.`)} ${esc(disagreement(c))}${v0Glance(c)}</p><table><tr><th>reading</th><th>verdict</th><th>design, test</th><th>from epoch</th><th>p</th><th>p adjusted</th><th>effect [95% CI]</th><th>equivalence p (adjusted)</th><th>fixed-test power at min.</th><th>n for 0.8 at min.</th><th>dropped seeds</th></tr>${readings}</table>
<table><tr><th>arm</th><th>config</th><th>runs</th>${metrics.map((m) => `<th>${esc(m)}</th>`).join('')}</tr>${arms}</table></section>`;
}
