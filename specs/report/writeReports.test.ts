import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import { holm } from '../../src/stats/holm.js';
import { diffAgainstBaseline } from '../../src/report/baselineDiff.js';
import { testOutcome, type ClaimsDocument } from '../../src/report/claimsDocument.js';
import { backendText } from '../../src/report/backendText.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';
import { readBaseline } from '../../src/report/readBaseline.js';
import { writeReports } from '../../src/report/writeReports.js';
import { summaryMarkdown } from '../../src/report/summaryMarkdown.js';
import { noneS1L13Order, noneS1L13Tradeoff, syntheticContext } from '../support/syntheticClaims.js';
import { syntheticArm } from '../support/syntheticRuns.js';

const base = { ...syntheticContext, durationSeconds: 1 };
const runs = {
  none: syntheticArm({ n: 8, seed: 1, stability: [100, 0], best: [0.75, 0.01] }),
  s1: syntheticArm({ n: 8, seed: 2, stability: [85, 3], best: [0.76, 0.01] }),
  l13: syntheticArm({ n: 8, seed: 3, stability: [60, 5], best: [0.79, 0.01] }),
};
const order = noneS1L13Order;
const tradeoff = noneS1L13Tradeoff;
const reports = [order, tradeoff].map((definition) => ({ report: buildClaimReport({ ...base, definition, runs, familySize: 2 }), testPassed: true }));

describe('reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gst-report-'));
  const { doc } = writeReports({ dir, reports, durationSeconds: 3 });

  it('claims.json holds every claim with raw, Holm and BH p, effects with CIs, per-run values and seeds', () => {
    const parsed = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as ClaimsDocument;
    expect(parsed.version).toBe(2);
    expect(parsed.claims.map((c) => c.id)).toEqual(['stability-order', 'tradeoff']);
    const raw = parsed.claims.map((c) => c.verdicts[0].main.pValue);
    expect(parsed.claims.map((c) => c.pHolm)).toEqual(holm(raw));
    const c = parsed.claims[0];
    expect(c.verdicts[0].main.effect.ci.lower).toBeLessThan(c.verdicts[0].main.effect.ci.upper);
    expect(c.arms[0].runs.map((r) => r.seed)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(c.arms[0].summary.stability.mean).toBe(100);
    expect(parsed.gitCommit).toMatch(/^[0-9a-f]+$|unknown/);
  });

  it('summary.md is a table with one row per claim', () => {
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md.split('\n').filter((l) => l.startsWith('| stability-order') || l.startsWith('| tradeoff'))).toHaveLength(2);
    expect(md).toContain('**supported**');
  });

  it('index.html is self-contained with the verdicts picture, the scatter (points and fitted line), the curves and the per-event stability plot', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/class="verdict-row /g)).toHaveLength(2);
    for (const column of ['deciding (design, test)', 'why: z vs boundary', 'repeated CI', 'design power']) expect(html).toContain(`<th>${column}</th>`);
    expect(html).toMatch(/claimed z -?[\d.]+ [≥<] [\d.]+/);
    expect(html).toMatch(/\(RCI \d+(\.\d+)? %( this look, \d+(\.\d+)? % all stages)?\)/);
    expect(html.match(/class="point"/g)?.length).toBe(24);
    expect(html).toContain('class="fit"');
    expect(html).toMatch(/r = -0\.\d{3}/);
    expect(html).toContain('class="series"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const legend = [...html.matchAll(/<p class="legend">(.*?)<\/p>/g)].map((m) => m[1]).join('');
    expect(legend).toContain('<code>supported</code>');
    expect(legend).not.toContain('`');
  });

  it('claim maps appear as a heat map in index.html and a table in summary.md', () => {
    const dir3 = mkdtempSync(join(tmpdir(), 'gst-report-'));
    const cells = [
      { point: { labelNoise: 0.2 }, verdict: 'supported' as const, effect: 1.2 },
      { point: { labelNoise: 0 }, verdict: 'not shown' as const, effect: 0.1 },
    ];
    const map = {
      claimId: 'prune-l',
      dimensions: ['labelNoise' as const],
      cells,
      counterexample: { labelNoise: 0 },
      search: { kind: 'fast-check' as const, seed: 1, path: '0:0', numRuns: 2 },
      protocol: 'mini',
      seedPhase: 'calibration' as const,
    };
    writeReports({ dir: dir3, reports: [], maps: [map], durationSeconds: 1 });
    expect(readFileSync(join(dir3, 'index.html'), 'utf8').match(/class="cell /g)).toHaveLength(2);
    const summary = readFileSync(join(dir3, 'summary.md'), 'utf8');
    expect(summary).toContain('Simplest configuration where the claim is not supported (after shrinking): {"labelNoise":0}.');
    expect(summary).toContain('Claim maps only');
    expect(summary).toContain('## Claim map: prune-l (around `mini`, calibration seeds)');
    expect(summary.indexOf('| 0 | not shown')).toBeLessThan(summary.indexOf('| 0.2 | supported'));
  });

  it("the test column says 'expected failure' for a claim registered with it.fails that did not reproduce", () => {
    const dir4 = mkdtempSync(join(tmpdir(), 'gst-report-'));
    const expected = { report: { ...reports[0].report, expectedToFail: 'not shown at mini' }, testPassed: true };
    writeReports({ dir: dir4, reports: [expected, { ...reports[1], testPassed: false }], durationSeconds: 1 });
    for (const file of ['index.html', 'summary.md']) {
      const text = readFileSync(join(dir4, file), 'utf8');
      expect(text).toMatch(/expected failure<\/td>|\| expected failure \|/);
      expect(text).toMatch(/FAILED<\/td>|\| FAILED \|/);
    }
    expect([true, false].map((testPassed) => testOutcome({ testPassed }))).toEqual(['passed', 'FAILED']);
  });

  it('the reports name the backend, and on webgpu the adapter the runs were trained on', () => {
    const dir5 = mkdtempSync(join(tmpdir(), 'gst-report-'));
    const adapter = {
      vendor: '',
      architecture: '',
      device: 'llvmpipe-llvm-15',
      description: 'OpenGL ES 3.2 Mesa 22.3.6',
      software: true,
      api: 'opengles' as const,
    };
    writeReports({ dir: dir5, reports: reports.map((r) => ({ ...r, report: { ...r.report, backend: 'webgpu', adapter } })), durationSeconds: 1 });
    const named = 'backend `webgpu` (tfjs 4.22.0; adapter llvmpipe-llvm-15, OpenGL ES 3.2 Mesa 22.3.6 (software: tests only, never results, opengles))';
    expect(readFileSync(join(dir5, 'summary.md'), 'utf8')).toContain(named);
    expect(readFileSync(join(dir5, 'index.html'), 'utf8')).toContain(
      'backend <code>webgpu</code> (tfjs 4.22.0; adapter llvmpipe-llvm-15, OpenGL ES 3.2 Mesa 22.3.6 (software: tests only, never results, opengles))',
    );
    expect(backendText({ backend: 'wasm', tfjsVersion: '4.22.0' })).toBe('backend `wasm` (tfjs 4.22.0)');
  });

  it('junit.xml has one testcase per claim', () => {
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('failures="0"');
  });

  it('the baseline diff flags a verdict flip and an effect drift, and passes an unchanged report', () => {
    expect(diffAgainstBaseline(doc, doc).every((r) => r.status === 'ok')).toBe(true);
    const flipped = { ...doc, claims: doc.claims.map((c, i) => (i === 0 ? { ...c, verdict: 'not shown' as const } : c)) };
    expect(diffAgainstBaseline(doc, flipped)[0].status).toBe('verdict flip');
    const drifted = {
      ...doc,
      claims: doc.claims.map((c, i) =>
        i === 1
          ? {
              ...c,
              verdicts: [{ ...c.verdicts[0], main: { ...c.verdicts[0].main, effect: { ...c.verdicts[0].main.effect, value: 0.9 } } }, ...c.verdicts.slice(1)],
            }
          : c,
      ),
    };
    expect(diffAgainstBaseline(doc, drifted)[1].status).toBe('effect drift');
    const dir2 = mkdtempSync(join(tmpdir(), 'gst-report-'));
    const baselinePath = join(dir, 'claims.json');
    expect(writeReports({ dir: dir2, reports, durationSeconds: 1, baseline: { path: baselinePath, doc: readBaseline(baselinePath) } }).regressed).toBe(false);
    expect(readFileSync(join(dir2, 'baseline-diff.md'), 'utf8')).toContain('| stability-order | supported | supported |');
  });

  it('a baseline that is missing, not JSON or not a claims report is refused naming GST_BASELINE, the file and the fix', () => {
    const bad = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(() => readBaseline(join(dir, 'nothing.json'))).toThrow(/^GST_BASELINE=.*nothing\.json: the file does not exist; give a claims\.json a suite wrote/);
    expect(() => readBaseline(bad('cut.json', '{"claims": [{"id"'))).toThrow(/^GST_BASELINE=.*cut\.json: not JSON \(/);
    expect(() => readBaseline(bad('empty.json', '{}'))).toThrow(/^GST_BASELINE=.*empty\.json: it has no list of claims; /);
    expect(() => readBaseline(bad('partial.json', '{"claims": [{"id": "a", "verdict": "absent"}]}'))).toThrow(
      /claims\[0\] has no id, verdict or deciding effect/,
    );
  });
});

describe('escaping', () => {
  it('text goes into element content and double-quoted attributes escaped', () => {
    expect(escapeHtml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it("a claim's title goes into summary.md escaped: no markup, no broken table", () => {
    const title = '<img src=x onerror=alert(1)> | </script>\nnext';
    const { doc: hostile } = writeReports({
      dir: mkdtempSync(join(tmpdir(), 'gst-report-')),
      reports: [{ ...reports[0], report: { ...reports[0].report, title } }],
      durationSeconds: 1,
    });
    const row = summaryMarkdown(hostile)
      .split('\n')
      .find((l) => l.startsWith('| stability-order'));
    expect(row).toContain('&lt;img src=x onerror=alert(1)&gt; \\| &lt;/script&gt; next');
    expect(summaryMarkdown(hostile)).not.toMatch(/<img|<\/script/);
  });
});
