import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimMap } from '../claims/maps/claimMap.js';
import type { ClaimReport } from '../claims/claimReport.js';
import { writeFileAtomic, writeJsonAtomic } from '../primitives/atomicFile.js';
import { baselineMarkdown, baselineRegressed, diffAgainstBaseline } from './baselineDiff.js';
import { buildClaimsDocument, type ClaimsDocument } from './claimsDocument.js';
import { htmlReport } from './htmlReport.js';
import { junitXml } from './junitXml.js';
import { summaryMarkdown } from './summaryMarkdown.js';

/**
 * Writes `claims.json`, `summary.md`, `index.html` and `junit.xml` into `dir` (atomically), and,
 * with a baseline path, `baseline-diff.md`. Returns the document and whether the baseline regressed.
 */
export function writeReports(options: {
  dir: string;
  reports: readonly { report: ClaimReport; testPassed: boolean }[];
  maps?: readonly ClaimMap[];
  durationSeconds: number;
  baseline?: string;
}): { doc: ClaimsDocument; regressed: boolean } {
  const doc = buildClaimsDocument(options.reports, options.durationSeconds, options.maps ?? []);
  const summary = summaryMarkdown(doc);
  writeJsonAtomic(join(options.dir, 'claims.json'), doc);
  writeFileAtomic(join(options.dir, 'summary.md'), summary);
  writeFileAtomic(join(options.dir, 'index.html'), htmlReport(doc));
  writeFileAtomic(join(options.dir, 'junit.xml'), junitXml(doc));
  let regressed = false;
  if (options.baseline !== undefined) {
    if (!existsSync(options.baseline))
      throw new Error(`GST_BASELINE=${options.baseline} does not exist; accept a report as baseline first (npm run baseline:accept)`);
    const rows = diffAgainstBaseline(doc, JSON.parse(readFileSync(options.baseline, 'utf8')) as ClaimsDocument);
    writeFileAtomic(join(options.dir, 'baseline-diff.md'), baselineMarkdown(rows, options.baseline));
    regressed = baselineRegressed(rows);
  }
  return { doc, regressed };
}
