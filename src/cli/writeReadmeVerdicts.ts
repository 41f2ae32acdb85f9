/**
 * `npm run docs:verdicts`: writes the verdict table of the committed baseline the README shows
 * ({@link readmeVerdictsBaseline}) into README.md between its markers. A test checks the README
 * holds exactly this table, so it is never edited by hand.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import type { ClaimsDocument } from '../report/claimsDocument.js';
import { readmeVerdictsBaseline, verdictTableMarkdown, withVerdictTable } from '../report/verdictTable.js';

const doc = JSON.parse(readFileSync(readmeVerdictsBaseline, 'utf8')) as ClaimsDocument;
writeFileAtomic('README.md', withVerdictTable(readFileSync('README.md', 'utf8'), verdictTableMarkdown(doc)));
process.stderr.write(`README.md: verdict table of ${readmeVerdictsBaseline} (${doc.claims.length} claims, commit ${doc.gitCommit})\n`);
