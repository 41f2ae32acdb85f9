import type { ClaimsDocument } from './claimsDocument.js';

/** One claim compared with the baseline. */
export interface BaselineRow {
  readonly id: string;
  readonly baselineVerdict: string;
  readonly verdict: string;
  readonly baselineEffect: number;
  readonly effect: number;
  readonly ci: readonly [number, number];
  /** `verdict flip`, `effect drift`, `new`, `missing`, or `ok`. */
  readonly status: 'ok' | 'verdict flip' | 'effect drift' | 'new' | 'missing';
}

/**
 * Compares a run with a stored baseline report: a claim regresses when its verdict flips, or when
 * its deciding effect's CI misses the baseline effect by more than the claim's tolerance.
 * Claims only in one of the two are listed (`new`, `missing`) without failing.
 *
 * @example
 * ```ts
 * const rows = diffAgainstBaseline(current, JSON.parse(readFileSync('fixtures/baselines/mini-v1.json', 'utf8')));
 * rows.some((r) => r.status === 'verdict flip' || r.status === 'effect drift'); // fail the run
 * ```
 */
export function diffAgainstBaseline(current: ClaimsDocument, baseline: ClaimsDocument): BaselineRow[] {
  const rows: BaselineRow[] = [];
  const before = new Map(baseline.claims.map((c) => [c.id, c]));
  for (const c of current.claims) {
    const v = c.verdicts[0];
    const b = before.get(c.id);
    const ci = [v.main.effect.ci.lower, v.main.effect.ci.upper] as const;
    if (b === undefined) {
      rows.push({ id: c.id, baselineVerdict: '—', verdict: c.verdict, baselineEffect: NaN, effect: v.main.effect.value, ci, status: 'new' });
      continue;
    }
    const be = b.verdicts[0].main.effect.value;
    const miss = Math.max(ci[0] - be, be - ci[1], 0);
    const status = b.verdict !== c.verdict ? 'verdict flip' : miss > c.baselineTolerance ? 'effect drift' : 'ok';
    rows.push({ id: c.id, baselineVerdict: b.verdict, verdict: c.verdict, baselineEffect: be, effect: v.main.effect.value, ci, status });
  }
  for (const b of baseline.claims) {
    if (!current.claims.some((c) => c.id === b.id))
      rows.push({
        id: b.id,
        baselineVerdict: b.verdict,
        verdict: '—',
        baselineEffect: b.verdicts[0].main.effect.value,
        effect: NaN,
        ci: [NaN, NaN],
        status: 'missing',
      });
  }
  return rows;
}

/** Whether any row fails the run. */
export function baselineRegressed(rows: readonly BaselineRow[]): boolean {
  return rows.some((r) => r.status === 'verdict flip' || r.status === 'effect drift');
}

/** The diff as a Markdown table. */
export function baselineMarkdown(rows: readonly BaselineRow[], baselinePath: string): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
  return [
    `# Comparison with baseline \`${baselinePath}\``,
    '',
    '| claim | baseline verdict | verdict | baseline effect | effect [95% CI] | status |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${r.baselineVerdict} | ${r.verdict} | ${f(r.baselineEffect)} | ${f(r.effect)} [${f(r.ci[0])}, ${f(r.ci[1])}] | ${r.status === 'ok' ? 'ok' : `**${r.status}**`} |`,
    ),
    '',
  ].join('\n');
}
