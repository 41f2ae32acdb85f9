/**
 * `npm run report:remake -- <claims.json> <out dir>`: re-evaluates every claim of a stored report
 * from the run records it holds (src/report/remakeClaims.ts) and writes the four reports into
 * `<out dir>`, each claim corrected over its family as `specs/` has it now, with `comparison.md`: the stored deciding verdict and effect beside the new ones, and
 * the core claim (src/claims/maps/coreClaim.ts) on the same runs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import type { ClaimReport } from '../claims/claimReport.js';
import type { ClaimsDocument } from '../report/claimsDocument.js';
import { coreClaim } from '../claims/maps/coreClaim.js';
import { familySizeOfClaim } from '../claims/dsl/claimFamily.js';
import { passesAsTest } from '../claims/decide/decisionRule.js';
import { comparisonMarkdown, evaluateOnStoredRuns, remakeClaim } from '../report/remakeClaims.js';
import { writeReports } from '../report/writeReports.js';

const [input, outDir] = process.argv.slice(2);
if (input === undefined || outDir === undefined) throw new Error('usage: npm run report:remake -- <claims.json> <out dir>');
const doc = JSON.parse(readFileSync(resolve(input), 'utf8')) as ClaimsDocument;
// each claim is corrected over its family as the spec folders have it now (docs/methods/verdicts.md §8.1)
const remade = (await Promise.all(doc.claims.map((entry) => remakeClaim(entry, { familySize: familySizeOfClaim(entry.id, 'specs') })))).filter(
  (c): c is ClaimReport => c !== undefined,
);
const dir = resolve(outDir);
writeReports({ dir, reports: remade.map((report) => ({ report, testPassed: passesAsTest(report) })), maps: doc.maps, durationSeconds: doc.durationSeconds });
writeFileAtomic(join(dir, 'comparison.md'), comparisonMarkdown(input, doc, remade, evaluateOnStoredRuns(coreClaim, doc, 1)));
process.stderr.write(`re-made ${remade.length} claims of ${input} into ${dir}/{claims.json,summary.md,index.html,junit.xml,comparison.md}\n`);
