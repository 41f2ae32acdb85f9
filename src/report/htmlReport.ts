import type { ArmReport } from '../claims/claimReport.js';
import type { ProtocolPoint } from '../claims/maps/protocolSpace.js';
import { backendText } from './backendText.js';
import { mapSearchText } from './mapSearchText.js';
import { pearson } from '../stats/pearson.js';
import { testOutcome, type ClaimsDocument } from './claimsDocument.js';
import { boundaryText, decidingLabel, designPowerText, glanceText, repeatedCiText } from '../claims/decisionText.js';
import { claimSection } from './claimSection.js';
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
