import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClaimsDocument } from '../../src/report/claimsDocument.js';
import { spawnSuite } from '../support/spawnSuite.js';

/** A claim folder of this test alone (ignored by git): the suite collects claims under specs/tradeoff only. */
const folder = join('specs/tradeoff', `tmp-errors-${process.pid}`);
const root = mkdtempSync(join(tmpdir(), 'gst-errors-'));
afterAll(() => [folder, root].forEach((d) => rmSync(d, { recursive: true, force: true })));

const imports = `import { defineClaim } from '../../../src/claims/dsl/defineClaim.js';
import { paperArms } from '../../../src/claims/dsl/paperArms.js';
import { verifyClaim } from '../../../src/claims/runner/verifyClaim.js';
`;
const claim = (id: string) => `verifyClaim(
  defineClaim({
    id: '${id}',
    title: 'A claim <b>that</b> cannot be decided',
    paperClaim: 'Claim 0: none.',
    arms: { s13: paperArms.pruneSLarge, none: paperArms.baseline },
    hypothesis: { kind: 'greater', metric: 'best', arm: 's13', than: 'none' },
    alpha: 0.05,
    minEffect: { measure: 'hedges-g', value: 0.5 },
  }),
);
`;

describe('claims that give no verdict', () => {
  it('are in all four report files as errors with their message and file, junit.xml counts them, and the suite fails', { timeout: 180_000 }, async () => {
    mkdirSync(folder, { recursive: true });
    // the suite's store is a file, so the claim crashes when it opens it, before any verdict
    writeFileSync(join(folder, 'crash.spec.ts'), `${imports}${claim('crashing-claim')}`);
    writeFileSync(join(folder, 'broken.spec.ts'), `${imports}throw new Error('this spec file is broken');\n${claim('broken-claim')}`);
    writeFileSync(join(root, 'a-file'), 'not a folder');
    expect(await spawnSuite(root, [folder], undefined, { env: { GST_STORE: join(root, 'a-file') } })).toBe(1);
    const report = (name: string) => readFileSync(join(root, 'report', name), 'utf8');

    const doc = JSON.parse(report('claims.json')) as ClaimsDocument;
    expect(doc.claims).toEqual([]);
    expect(doc.errored).toEqual([
      { outcome: 'error', kind: 'file', file: join(folder, 'broken.spec.ts'), message: expect.stringContaining('this spec file is broken') },
      {
        outcome: 'error',
        kind: 'claim',
        file: join(folder, 'crash.spec.ts'),
        id: 'crashing-claim',
        title: 'A claim <b>that</b> cannot be decided',
        message: expect.stringMatching(/^GST_STORE=.*a-file is a file, not a folder; set GST_STORE to a folder/),
      },
    ]);
    expect(report('summary.md')).toContain('## Errors: 2 without a verdict (each a failure)');
    expect(report('summary.md')).toContain(
      `| crashing-claim: A claim &lt;b&gt;that&lt;/b&gt; cannot be decided (${join(folder, 'crash.spec.ts')}) | **error** | GST_STORE=`,
    );
    expect(report('summary.md')).toContain(`| ${join(folder, 'broken.spec.ts')} (failed to import) | **error** |`);
    expect(report('index.html')).toContain('<h2 id="errors">Errors: 2 without a verdict (each a failure)</h2>');
    expect(report('index.html')).not.toContain('The suite is running');
    expect(report('junit.xml')).toMatch(/<testsuites name="gst-harness claims" tests="2" failures="0" errors="2"/);
    expect(report('junit.xml')).toMatch(/<error message="[^"]*this spec file is broken[^"]*" type="import"\/>/);
    expect(report('junit.xml')).toMatch(/<error message="GST_STORE=[^"]*" type="claim"\/>/);
  });
});

describe('settings the suite cannot work with', () => {
  it(
    'a damaged GST_BASELINE, or a GST_REPORT_DIR that is a file, stop the suite before anything trains, naming the setting',
    { timeout: 180_000 },
    async () => {
      const at = mkdtempSync(join(tmpdir(), 'gst-settings-'));
      writeFileSync(join(at, 'baseline.json'), '{}');
      writeFileSync(join(at, 'a-file'), 'not a folder');
      for (const [env, message] of [
        [{ GST_BASELINE: join(at, 'baseline.json') }, /GST_BASELINE=.*baseline\.json: it has no list of claims/],
        [{ GST_REPORT_DIR: join(at, 'a-file') }, /GST_REPORT_DIR=.*a-file is a file, not a folder/],
      ] as const) {
        const output: string[] = [];
        expect(await spawnSuite(at, ['specs/tradeoff/01-stability-order.spec.ts'], undefined, { env, output })).not.toBe(0);
        expect(output.join('')).toMatch(message);
        expect(existsSync(join(at, 'store', 'runs')) ? readdirSync(join(at, 'store', 'runs')) : []).toEqual([]);
      }
      rmSync(at, { recursive: true, force: true });
    },
  );
});
