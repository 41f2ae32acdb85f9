import type { ClaimsDocument } from './claimsDocument.js';
import { boundaryText, decidingLabel, decisionLegend, designPowerText, glanceText, repeatedCiText } from '../claims/decisionText.js';

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');

/** The committed baseline whose verdicts the README shows (`npm run docs:verdicts` writes them; a test keeps them equal). */
export const readmeVerdictsBaseline = 'fixtures/baselines/mini.json';

/** Markers of the README block that holds the verdict table of {@link readmeVerdictsBaseline}. */
export const verdictTableMarkers = { start: '<!-- verdicts:start (npm run docs:verdicts) -->', end: '<!-- verdicts:end -->' } as const;

/**
 * The verdicts of a claims document as a short Markdown table (claim, verdict on the deciding reading,
 * the deciding comparison with design and test, its statistic against the stage's boundary, effect
 * with CI, repeated CI, design power, seeds per arm), with the document's provenance and legend.
 *
 * @example
 * ```ts
 * verdictTableMarkdown(JSON.parse(readFileSync('fixtures/baselines/mini-v1.json', 'utf8'))).split('\n')[0]; // 'Profile `mini` …'
 * ```
 */
export function verdictTableMarkdown(doc: ClaimsDocument): string {
  const first = doc.claims[0];
  const lines = [
    `Profile \`${first?.profile ?? '?'}\`, ${first?.seedPhase ?? '?'} seeds, commit \`${doc.gitCommit}\`, ${doc.generatedAt.slice(0, 10)}, ${doc.machine.cpus}× ${doc.machine.cpuModel}, backend \`${first?.backend ?? '?'}\`.`,
    '',
    '| claim | verdict (reading) | deciding (design, test) | why: z vs boundary | effect [95% CI] | repeated CI | design power | seeds/arm |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of doc.claims) {
    const v = c.verdicts[0];
    const e = v.decision.effect;
    const role = c.control ? ', A/A control' : '';
    const d = c.replicateDesign;
    const seeds = d === undefined ? '—' : String(d.seedsPerArm[d.stage - 1]);
    const glance = glanceText(c, { compact: true });
    lines.push(
      `| ${c.id}${role} | **${c.verdict}** (${v.metric})${glance ? `; ${glance}` : ''} | ${decidingLabel(c)} (${v.design}, ${v.main.test}) | ${boundaryText(c)} | ${e.name.replace(/ \(.*\)$/, '')} ${fmt(e.value)} [${fmt(e.ci.lower)}, ${fmt(e.ci.upper)}] | ${repeatedCiText(c)} | ${designPowerText(c)} | ${seeds} |`,
    );
  }
  lines.push('', decisionLegend);
  return lines.join('\n');
}

/**
 * `text` (the contents of `file`) with the block between `markers` replaced by `block`; an error naming
 * the file and the markers when they are missing.
 *
 * @example
 * ```ts
 * withGeneratedBlock(readme, verdictTableMarkers, table, 'README.md');
 * ```
 */
export function withGeneratedBlock(text: string, markers: { readonly start: string; readonly end: string }, block: string, file: string): string {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`${file}: the markers ${markers.start} … ${markers.end} are missing; put them where the generated block goes`);
  return `${text.slice(0, start + markers.start.length)}\n${block}\n${text.slice(end)}`;
}

/** The README with its verdict block replaced by `table`; an error when the markers are missing. */
export function withVerdictTable(readme: string, table: string): string {
  return withGeneratedBlock(readme, verdictTableMarkers, table, 'README.md');
}
