import { join } from 'node:path';
import type { ClaimMap } from '../claims/maps/claimMap.js';
import type { ClaimReport } from '../claims/claimReport.js';
import { writeFileAtomic, writeJsonAtomic } from '../primitives/atomicFile.js';
import { baselineMarkdown, baselineRegressed, diffAgainstBaseline } from './baselineDiff.js';
import { buildClaimsDocument, type ClaimsDocument } from './claimsDocument.js';
import type { ErroredClaim } from './erroredClaim.js';
import { htmlReport } from './htmlReport.js';
import { junitXml } from './junitXml.js';
import { summaryMarkdown } from './summaryMarkdown.js';
import { metricsJson, paramsYaml, pivotCsv, runsCsv } from './tidyExports.js';

/**
 * Writes `claims.json`, `summary.md`, `index.html` and `junit.xml` into `dir` (atomically), the tidy
 * exports (`runs.csv`, `pivots/<claim>.csv`) and DVC's `metrics.json` and `params.yaml`, and, with a
 * baseline, `baseline-diff.md`. Returns the document and whether the baseline regressed.
 */
export function writeReports(options: {
  dir: string;
  reports: readonly { report: ClaimReport; testPassed: boolean }[];
  maps?: readonly ClaimMap[];
  /** Claims that gave no verdict (their test threw, or their file failed to import). */
  errored?: readonly ErroredClaim[];
  durationSeconds: number;
  /** A baseline to compare with (read by `readBaseline` when the suite started) and its path. */
  baseline?: { readonly path: string; readonly doc: ClaimsDocument };
}): { doc: ClaimsDocument; regressed: boolean } {
  const doc = buildClaimsDocument(options.reports, options.durationSeconds, options.maps ?? [], options.errored ?? []);
  const summary = summaryMarkdown(doc);
  writeJsonAtomic(join(options.dir, 'claims.json'), doc);
  writeFileAtomic(join(options.dir, 'summary.md'), summary);
  writeFileAtomic(join(options.dir, 'index.html'), htmlReport(doc));
  writeFileAtomic(join(options.dir, 'junit.xml'), junitXml(doc));
  writeFileAtomic(join(options.dir, 'runs.csv'), runsCsv(doc));
  for (const claim of doc.claims) writeFileAtomic(join(options.dir, 'pivots', `${claim.id}.csv`), pivotCsv(claim));
  writeFileAtomic(join(options.dir, 'metrics.json'), metricsJson(doc));
  writeFileAtomic(join(options.dir, 'params.yaml'), paramsYaml(doc));
  let regressed = false;
  if (options.baseline !== undefined) {
    const rows = diffAgainstBaseline(doc, options.baseline.doc);
    writeFileAtomic(join(options.dir, 'baseline-diff.md'), baselineMarkdown(rows, options.baseline.path));
    regressed = baselineRegressed(rows);
  }
  return { doc, regressed };
}
