import type { ClaimsDocument } from './claimsDocument.js';

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');

/** The committed baseline whose verdicts the README shows (`npm run docs:verdicts` writes them; a test keeps them equal). */
export const readmeVerdictsBaseline = 'fixtures/baselines/mini.json';

/** Markers of the README block that holds the verdict table of {@link readmeVerdictsBaseline}. */
export const verdictTableMarkers = { start: '<!-- verdicts:start (npm run docs:verdicts) -->', end: '<!-- verdicts:end -->' } as const;

/**
 * The verdicts of a claims document as a short Markdown table (claim, verdict on the deciding reading,
 * design and test, effect with CI, power at the minimum effect, seeds per arm and the stage a
 * sequential design stopped at), with the document's provenance.
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
    '| claim | verdict (reading) | design, test | effect [95% CI] | power at min. | seeds/arm (stage) |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of doc.claims) {
    const v = c.verdicts[0];
    const e = v.main.effect;
    const role = c.control ? ', A/A control' : '';
    const d = c.replicateDesign;
    const seeds = d === undefined ? '—' : `${d.seedsPerArm[d.stage - 1]}${d.kind === 'sequential' ? ` (${d.stage}/${d.stages})` : ''}`;
    lines.push(
      `| ${c.id}${role} | **${c.verdict}** (${v.metric}) | ${v.design}, ${v.main.test} | ${e.name.replace(/ \(.*\)$/, '')} ${fmt(e.value)} [${fmt(e.ci.lower)}, ${fmt(e.ci.upper)}] | ${v.power.atMinimumEffect.toFixed(2)} | ${seeds} |`,
    );
  }
  return lines.join('\n');
}

/** The README with its verdict block replaced by `table`; an error when the markers are missing. */
export function withVerdictTable(readme: string, table: string): string {
  const start = readme.indexOf(verdictTableMarkers.start);
  const end = readme.indexOf(verdictTableMarkers.end);
  if (start < 0 || end < start)
    throw new Error(`README.md: the markers ${verdictTableMarkers.start} … ${verdictTableMarkers.end} are missing; put them where the verdict table goes`);
  return `${readme.slice(0, start + verdictTableMarkers.start.length)}\n${table}\n${readme.slice(end)}`;
}
