import type { ArmReport } from '../claims/claimReport.js';
import type { ProtocolPoint } from '../claims/maps/protocolSpace.js';
import { backendText } from './backendText.js';
import { mapSearchText } from './mapSearchText.js';
import { pearson } from '../stats/pearson.js';
import { testOutcome, type ClaimsDocument } from './claimsDocument.js';
import { boundaryText, decidingLabel, designPowerText, disagreement, fixed, glanceText, repeatedCiText } from '../claims/decisionText.js';
import { liveHtml } from './liveSection.js';
import { verdictLegend } from './summaryMarkdown.js';
import { heatMap, linePlot, scatterPlot, verdictPlot } from './svgPlots.js';
import { escapeHtml } from './escapeHtml.js';
import { erroredName } from './erroredClaim.js';

const esc = escapeHtml;
const fmt = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d));

/** Every distinct arm (by label) over the paper's claims (not the A/A controls), with its runs. */
function distinctArms(doc: ClaimsDocument): ArmReport[] {
  const byLabel = new Map<string, ArmReport>();
  for (const c of doc.claims.filter((claim) => !claim.control))
    for (const a of c.arms) if (!byLabel.has(a.label) || (byLabel.get(a.label)?.runs.length ?? 0) < a.runs.length) byLabel.set(a.label, a);
  return [...byLabel.values()];
}

function meanCurve(arm: ArmReport): [number, number][] {
  const length = Math.max(0, ...arm.runs.map((r) => r.epochs.length));
  return Array.from({ length }, (_, e) => {
    const values = arm.runs.map((r) => r.epochs[e]?.testAccuracy).filter((v): v is number => v !== undefined);
    return [e, values.reduce((s, v) => s + v, 0) / Math.max(1, values.length)] as [number, number];
  });
}

/** The paper's figures redrawn from this run's data. */
function figures(doc: ClaimsDocument): string {
  const arms = distinctArms(doc);
  const scatterGroups = arms
    .map((a) => ({
      label: a.label,
      points: a.runs
        .filter((r) => r.values.stability !== null && r.values.best !== null && r.values.stability !== undefined && r.values.best !== undefined)
        .map((r) => [r.values.stability as number, r.values.best as number] as [number, number]),
    }))
    .filter((g) => g.points.length > 0);
  const all = scatterGroups.flatMap((g) => g.points);
  const r =
    all.length >= 3
      ? pearson(
          all.map((p) => p[0]),
          all.map((p) => p[1]),
        ).statistic
      : NaN;
  const scatter = scatterPlot({
    title: 'Mean stability vs best test accuracy (each run)',
    xLabel: 'mean stability (%)',
    yLabel: 'best test accuracy',
    groups: scatterGroups,
    fitLine: Number.isFinite(r) ? { r } : undefined,
  });
  const curves = linePlot({
    title: 'Test accuracy over epochs (mean of runs); ticks: pruning events',
    xLabel: 'epoch',
    yLabel: 'test accuracy',
    series: arms.map((a) => ({ label: a.label, points: meanCurve(a), marks: [...new Set(a.runs.flatMap((run) => run.events.map((e) => e.epoch)))] })),
  });
  const perEvent = linePlot({
    title: 'Stability per pruning event (mean of runs)',
    xLabel: 'event',
    yLabel: 'stability (%)',
    series: arms
      .filter((a) => a.runs.some((run) => run.events.length > 0))
      .map((a) => {
        const count = Math.max(...a.runs.map((run) => run.events.length));
        return {
          label: a.label,
          points: Array.from(
            { length: count },
            (_, i) =>
              [i + 1, a.runs.reduce((s, run) => s + (run.events[i]?.stability ?? 0), 0) / a.runs.filter((run) => run.events[i]).length] as [number, number],
          ),
        };
      }),
  });
  return `<section><h2>Figures</h2><div class="figures">${scatter}${curves}${perEvent}</div></section>`;
}

type Claim = ClaimsDocument['claims'][number];

/** The deciding effect of a claim in units of its minimum effect, signed in the claimed direction (undefined where the units differ). */
function inMinimumUnits(c: Claim): { value: number; lower: number; upper: number } | undefined {
  const e = c.verdicts[0].decision.effect;
  const m = c.minEffect.value;
  if (c.minEffect.measure === 'mean-difference' && c.hypothesis.kind !== 'below') return undefined;
  const sign = c.hypothesis.kind === 'correlation' && c.hypothesis.sign === 'negative' ? -1 : 1;
  const [a, b] = [(sign * e.ci.lower) / m, (sign * e.ci.upper) / m];
  return { value: (sign * e.value) / m, lower: Math.min(a, b), upper: Math.max(a, b) };
}

/** The claims at a glance: a table of verdicts and the picture of every deciding effect against its minimum. */
function overview(doc: ClaimsDocument): string {
  const rows = doc.claims
    .map((c) => {
      const v = c.verdicts[0];
      const e = v.decision.effect;
      const glance = glanceText(c);
      return `<tr><td><a href="#${esc(c.id)}">${esc(c.id)}</a>${c.control ? ' (A/A control)' : ''}</td><td class="verdict ${c.verdict.replace(' ', '-')}">${c.verdict}${glance ? `<br><small>${esc(glance)}</small>` : ''}</td><td>${esc(v.metric)}</td><td>${esc(`${decidingLabel(c)} (${v.design}, ${v.main.test})`)}</td><td>${esc(boundaryText(c))}</td><td>${esc(e.name)} ${fmt(e.value)} [${fmt(e.ci.lower)}, ${fmt(e.ci.upper)}]</td><td>${esc(repeatedCiText(c))}</td><td>${Object.values(v.n).join('/')}</td><td>${esc(designPowerText(c))}</td><td>${testOutcome(c)}</td></tr>`;
    })
    .join('');
  const plotted = doc.claims.flatMap((c) => {
    const u = inMinimumUnits(c);
    return u ? [{ label: `${c.id} (${c.verdicts[0].metric})`, verdict: c.verdict, ...u }] : [];
  });
  return `<section><h2>Verdicts</h2><table><tr><th>claim</th><th>verdict</th><th>reading</th><th>deciding (design, test)</th><th>why: z vs boundary</th><th>effect [95% CI]</th><th>repeated CI</th><th>n</th><th>design power</th><th>test</th></tr>${rows}</table>
${plotted.length > 0 ? verdictPlot({ title: 'Every claim: deciding effect and 95% CI against its minimum effect', rows: plotted }) : ''}${verdictLegend.map((l) => `<p class="legend">${inlineCode(esc(l))}</p>`).join('')}</section>`;
}

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

function claimSection(c: Claim): string {
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

function mapSection(map: ClaimsDocument['maps'][number]): string {
  const [xd, yd, ...facetDims] = map.dimensions;
  const facetOf = (point: ProtocolPoint) => facetDims.map((d) => `${d} ${point[d]}`).join(', ');
  const facets = [...new Set(map.cells.map((c) => facetOf(c.point)))];
  const plots = facets.map((facet) => {
    const cells = map.cells
      .filter((c) => facetOf(c.point) === facet)
      .map((c) => ({
        x: String(c.point[xd] ?? ''),
        y: yd ? String(c.point[yd] ?? '') : '',
        verdict: c.verdict,
        text: `${c.effect.toFixed(2)}${c.seedsPerArm ? ` (${c.seedsPerArm})` : ''}`,
      }));
    return heatMap({
      title: facet ? `${facet}: g (seeds per arm)` : `${map.claimId}: verdict and effect (seeds per arm)`,
      xLabel: String(xd),
      yLabel: String(yd ?? ''),
      cells,
    });
  });
  const about = map.protocol ? ` around <code>${esc(map.protocol)}</code>${map.seedPhase ? `, ${esc(map.seedPhase)} seeds` : ''}` : '';
  return `<section class="map"><h2>Claim map: ${esc(map.claimId)}${about}</h2><div class="figures">${plots.join('')}</div>
<p>${esc(mapSearchText(map))}</p></section>`;
}

/** The self-contained HTML report: the verdicts at a glance, the paper's figures from our runs, one section per claim. */
/** The claims that gave no verdict, each with its error (none: nothing). */
function erroredSection(doc: ClaimsDocument): string {
  const errored = doc.errored ?? [];
  if (errored.length === 0) return '';
  const rows = errored.map((e) => `<tr><td>${esc(erroredName(e))}</td><td class="verdict error">error</td><td><pre>${esc(e.message)}</pre></td></tr>`);
  return `<h2 id="errors">Errors: ${errored.length} without a verdict (each a failure)</h2><table><tr><th>claim or file</th><th>outcome</th><th>error</th></tr>${rows.join('')}</table>`;
}

export function htmlReport(doc: ClaimsDocument): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gst-harness claims</title><style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px}
.verdict.supported{color:#1a7f37}.verdict.contradicted{color:#cf222e}.verdict.absent{color:#0550ae}.verdict.not-shown{color:#9a6700}.verdict.below-minimum{color:#6f42c1}.verdict.error{color:#cf222e;font-weight:bold}.legend{font-size:13px;color:#333;max-width:900px}.figures{display:flex;flex-wrap:wrap;gap:1em}.pair td{color:#555}pre{white-space:pre-wrap}
</style></head><body><h1>Generalization-stability tradeoff: claims</h1>
<p>Generated ${esc(doc.generatedAt)} at commit <code>${esc(doc.gitCommit)}</code> on ${doc.machine.cpus}× ${esc(doc.machine.cpuModel)} (Node ${esc(doc.machine.node)}), ${Math.round(doc.durationSeconds)} s.${doc.claims.length > 0 ? ` Profile <code>${esc(doc.claims[0].profile)}</code>, ${esc(backendText(doc.claims[0])).replace(/`([^`]*)`/g, '<code>$1</code>')}.` : ''}</p>
${doc.live ? liveHtml(doc.live) : ''}${erroredSection(doc)}${doc.claims.length > 0 ? overview(doc) + figures(doc) : ''}${doc.maps.map(mapSection).join('')}${doc.claims.map(claimSection).join('')}</body></html>\n`;
}

/** Escaped prose whose Markdown `code` spans become `<code>` elements (the legend is written once, for both reports). */
function inlineCode(escaped: string): string {
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
