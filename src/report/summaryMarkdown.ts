import type { ClaimsDocument } from './claimsDocument.js';

const fmtP = (p: number) => (p < 1e-4 ? p.toExponential(1) : p.toFixed(4));
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));

/**
 * The Markdown summary (a table fit for a CI job summary): per claim the verdict under each metric
 * reading, the deciding effect with its CI, raw and adjusted p, replicates, power, and the run's
 * machine and profile.
 */
export function summaryMarkdown(doc: ClaimsDocument): string {
  const first = doc.claims[0];
  const machine = `commit \`${doc.gitCommit}\`, ${doc.machine.cpus}× ${doc.machine.cpuModel}, Node ${doc.machine.node}; ${Math.round(doc.durationSeconds)} s.`;
  const lines = ['# Generalization-stability tradeoff: claims', ''];
  if (first === undefined) lines.push(`Claim maps only, ${machine}`);
  else {
    lines.push(
      `Profile \`${first.profile}\` (${first.seedPhase} seeds), backend \`${first.backend}\` (tfjs ${first.tfjsVersion}), ${machine}`,
      '',
      `Protocol: ${first.profileDescription}`,
      '',
      '| claim | verdict (deciding metric) | other readings | effect [95% CI] | p | p Bonferroni (test) | p Holm | p BH | n per arm | power at min. effect | replicates for 0.8 | wall time | test |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
  }
  for (const c of doc.claims) {
    const v = c.verdicts[0];
    const others = c.verdicts.slice(1).map((o) => `${o.metric}: ${o.verdict}`).join('; ') || '—';
    const n = Object.values(v.n).join('/');
    const expected = c.expectedToFail ? ' (expected not to reproduce here)' : '';
    lines.push(
      `| ${c.id}: ${c.title} | **${c.verdict}** (${v.metric})${expected} | ${others} | ${v.main.effect.name} ${fmt(v.main.effect.value)} [${fmt(v.main.effect.ci.lower)}, ${fmt(v.main.effect.ci.upper)}] | ${fmtP(v.main.pValue)} | ${fmtP(v.pAdjusted)} | ${fmtP(c.pHolm)} | ${fmtP(c.pBH)} | ${n} | ${v.power.atMinimumEffect.toFixed(2)} | ${Number.isFinite(v.power.replicatesFor80) ? v.power.replicatesFor80 : '∞'} | ${Math.round(c.durationSeconds)} s | ${v.main.test} ${c.testPassed ? 'passed' : 'FAILED'} |`,
    );
  }
  for (const map of doc.maps) {
    const about = map.protocol ? ` (around \`${map.protocol}\`${map.seedPhase ? `, ${map.seedPhase} seeds` : ''})` : '';
    lines.push('', `## Claim map: ${map.claimId}${about}`, '', `| ${map.dimensions.join(' | ')} | verdict | effect |`, `|${map.dimensions.map(() => '---|').join('')}---|---|`);
    const cells = [...map.cells].sort((a, b) => map.dimensions.reduce((order, d) => order || (a.point[d] ?? 0) - (b.point[d] ?? 0), 0));
    for (const c of cells) lines.push(`| ${map.dimensions.map((d) => c.point[d]).join(' | ')} | ${c.verdict} | ${c.effect.toFixed(3)} |`);
    lines.push('', map.counterexample ? `Simplest failing configuration: \`${JSON.stringify(map.counterexample)}\` (seed ${map.seed}, path ${map.path}).` : 'Supported at every explored point.');
  }
  lines.push('', 'Verdicts: `supported` = significant in the claimed direction after correction (Bonferroni over the family of claims for the test; Holm and BH across the run shown) and effect ≥ the spec\'s minimum; `contradicted` = significant the other way; `not shown` = neither.', '');
  return lines.join('\n');
}
