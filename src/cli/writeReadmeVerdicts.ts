/**
 * `npm run docs:verdicts`: writes the verdict table of the committed baseline the README shows
 * ({@link readmeVerdictsBaseline}) into README.md, and the digest of every shipped baseline into
 * docs/RESULTS.md, each between its markers. Tests check both files hold exactly these, so they are
 * never edited by hand.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import { baselineDigestMarkdown, baselineDigestMarkers, shippedBaselines } from '../report/baselineDigest.js';
import type { ClaimsDocument } from '../report/claimsDocument.js';
import { readmeVerdictsBaseline, verdictTableMarkdown, withGeneratedBlock, withVerdictTable } from '../report/verdictTable.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ClaimsDocument;
const doc = read(readmeVerdictsBaseline);
writeFileAtomic('README.md', withVerdictTable(readFileSync('README.md', 'utf8'), verdictTableMarkdown(doc)));
const digest = baselineDigestMarkdown(shippedBaselines.map((path) => ({ path, doc: read(path) })));
writeFileAtomic('docs/RESULTS.md', withGeneratedBlock(readFileSync('docs/RESULTS.md', 'utf8'), baselineDigestMarkers, digest, 'docs/RESULTS.md'));
process.stderr.write(
  `README.md: verdict table of ${readmeVerdictsBaseline} (${doc.claims.length} claims, commit ${doc.gitCommit}); docs/RESULTS.md: digest of ${shippedBaselines.length} baselines\n`,
);
