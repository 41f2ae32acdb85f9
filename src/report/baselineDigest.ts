import type { ClaimsDocument } from './claimsDocument.js';
import { verdicts } from '../claims/dsl/verdict.js';

/** Markers of the docs/RESULTS.md block that holds the digest of every shipped baseline. */
export const baselineDigestMarkers = { start: '<!-- baselines:start (npm run docs:verdicts) -->', end: '<!-- baselines:end -->' } as const;

/** The shipped baselines the digest covers, in this order. */
export const shippedBaselines = [
  'fixtures/baselines/mini.json',
  'fixtures/baselines/mini-v1.json',
  'fixtures/baselines/mini-fixed.json',
  'fixtures/baselines/ci.json',
  'fixtures/baselines/protocol-c.json',
] as const;

const range = (values: readonly number[]) => (values.length === 0 ? '—' : `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`);

/**
 * One row per shipped baseline, computed from it (so the docs' numbers cannot disagree with the JSON):
 * profile and seeds, commit and date, the tally of the paper's claims by verdict, how many A/A controls
 * pass, and the range of each kind of design power (two-arm and ordered claims simulated; correlations
 * and one-sample claims by the normal approximation).
 *
 * @example
 * ```ts
 * baselineDigestMarkdown([{ path: 'fixtures/baselines/ci.json', doc }]).split('\n')[2]; // '| `fixtures/baselines/ci.json` | `ci`, confirmation | …'
 * ```
 */
export function baselineDigestMarkdown(baselines: readonly { readonly path: string; readonly doc: ClaimsDocument }[]): string {
  const rows = baselines.map(({ path, doc }) => {
    const paper = doc.claims.filter((c) => !c.control);
    const controls = doc.claims.filter((c) => c.control);
    const tally = verdicts.map((v) => paper.filter((c) => c.verdict === v).length).join(' / ');
    const passing = controls.filter((c) => c.verdict === 'absent' || c.verdict === 'not shown').length;
    const power = (method: 'simulation' | 'normal approximation') => paper.flatMap((c) => (c.designPower?.method === method ? [c.designPower] : []));
    const first = doc.claims[0];
    return `| \`${path}\` | \`${first?.profile ?? '?'}\`, ${first?.seedPhase ?? '?'} | \`${doc.gitCommit}\`, ${doc.generatedAt.slice(0, 10)} | ${paper.length}: ${tally} | ${passing} of ${controls.length} | ${range(power('simulation').map((p) => p.supported))} / ${range(power('simulation').flatMap((p) => p.absentAtZero ?? []))} | ${range(power('normal approximation').map((p) => p.supported))} / ${range(power('normal approximation').flatMap((p) => p.absentAtZero ?? []))} |`;
  });
  return [
    `| baseline | profile, seeds | commit, date | paper claims: ${verdicts.join(' / ')} | A/A controls passing | design power, simulated (two-arm, ordered): P(supported \\| min) / P(absent \\| none) | normal approximation (correlations, one-sample): the same |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
