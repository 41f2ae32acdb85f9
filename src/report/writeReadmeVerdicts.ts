/**
 * `npm run docs:verdicts`: writes the verdict table of the committed `mini-v1` baseline (the first `mini` protocol; the re-calibrated `mini` has none yet)
 * (`fixtures/baselines/mini-v1.json`) into README.md between its markers. A test checks the README
 * holds exactly this table, so it is never edited by hand.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomicFile.js';
import type { ClaimsDocument } from './claimsDocument.js';
import { verdictTableMarkdown, withVerdictTable } from './verdictTable.js';

const doc = JSON.parse(readFileSync('fixtures/baselines/mini-v1.json', 'utf8')) as ClaimsDocument;
writeFileAtomic('README.md', withVerdictTable(readFileSync('README.md', 'utf8'), verdictTableMarkdown(doc)));
process.stderr.write(`README.md: verdict table of fixtures/baselines/mini-v1.json (${doc.claims.length} claims, commit ${doc.gitCommit})\n`);
