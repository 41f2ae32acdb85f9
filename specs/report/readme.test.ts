import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimsDocument } from '../../src/report/claimsDocument.js';
import { baselineDigestMarkdown, baselineDigestMarkers, shippedBaselines } from '../../src/report/baselineDigest.js';
import { readmeVerdictsBaseline, verdictTableMarkdown, withGeneratedBlock, withVerdictTable } from '../../src/report/verdictTable.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('its verdict table is the committed baseline it names, as npm run docs:verdicts writes it', () => {
    const doc = JSON.parse(readFileSync(readmeVerdictsBaseline, 'utf8')) as ClaimsDocument;
    expect(readme).toBe(withVerdictTable(readme, verdictTableMarkdown(doc)));
    expect(readme).toContain(`| rate-stability | **supported** (stability) | lower > higher (paired, paired-t) | claimed z `);
  });

  it("docs/RESULTS.md's digest of the shipped baselines is theirs, as npm run docs:verdicts writes it", () => {
    const results = readFileSync('docs/RESULTS.md', 'utf8');
    const digest = baselineDigestMarkdown(shippedBaselines.map((path) => ({ path, doc: JSON.parse(readFileSync(path, 'utf8')) as ClaimsDocument })));
    expect(results).toBe(withGeneratedBlock(results, baselineDigestMarkers, digest, 'docs/RESULTS.md'));
    expect(digest.split('\n')).toHaveLength(2 + shippedBaselines.length);
  });

  it('the docs too cite only paths that exist (a pattern with *, < or { is a pattern, not a path)', () => {
    const docs = [
      'README.md',
      'fixtures/README.md',
      'reports/README.md',
      ...readdirSync('docs', { recursive: true }).map((f) => join('docs', String(f))),
    ].filter((f) => f.endsWith('.md'));
    const missing = docs.flatMap((doc) =>
      [...readFileSync(doc, 'utf8').matchAll(/\]\(([^)#\s]+)\)|`((?:docs|src|specs|fixtures|tools)\/[^`\s]+)`/g)]
        .map((m) => m[1] ?? m[2])
        .filter((p) => !/^[a-z]+:/.test(p) && !/[*<{]/.test(p))
        .filter((p) => !existsSync(p) && !existsSync(join(dirname(doc), p)))
        .map((p) => `${doc}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('is at most 150 lines, and every file it links or names in backticks exists', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
    const paths = [...readme.matchAll(/\]\(([^)#]+)\)|`((?:docs|src|specs|fixtures|tools)\/[^`\s]+)`/g)].map((m) => m[1] ?? m[2]);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });
});
