import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimsDocument } from '../../src/report/claimsDocument.js';
import { readmeVerdictsBaseline, verdictTableMarkdown, withVerdictTable } from '../../src/report/verdictTable.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('its verdict table is the committed baseline it names, as npm run docs:verdicts writes it', () => {
    const doc = JSON.parse(readFileSync(readmeVerdictsBaseline, 'utf8')) as ClaimsDocument;
    expect(readme).toBe(withVerdictTable(readme, verdictTableMarkdown(doc)));
    expect(readme).toContain(`| rate-stability | **supported** (stability) | lower > higher (paired, paired-t) | claimed z `);
  });

  it('is at most 150 lines, and every file it links or names in backticks exists', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
    const paths = [...readme.matchAll(/\]\(([^)#]+)\)|`((?:docs|src|specs|fixtures|tools)\/[^`\s]+)`/g)].map((m) => m[1] ?? m[2]);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });
});
