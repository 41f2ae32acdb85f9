import { join } from 'node:path';
import { readLiveClaims } from '../claims/runner/liveClaims.js';
import { readSuitePlan, readSuiteStatus } from '../claims/runner/suiteFiles.js';
import { writeFileAtomic, writeJsonAtomic } from '../primitives/atomicFile.js';
import { buildClaimsDocument } from './claimsDocument.js';
import { htmlReport } from './htmlReport.js';
import type { LiveStatus, OpenClaim } from './liveStatus.js';
import { summaryMarkdown } from './summaryMarkdown.js';

/**
 * Rewrites `claims.json`, `summary.md` and `index.html` in `dir` (each atomically) from the live
 * claims of a running suite: the claims decided so far with their verdicts, as the final report shows
 * them, the claims still open with their stage and interim effect, those not started yet, and the
 * suite's estimate (runs trained, the most still ahead and their time). Returns how many of each.
 *
 * @example
 * ```ts
 * writeLiveReport({ dir: 'reports/latest', elapsedSeconds: 300 }); // { decided: 1, open: 1 }
 * ```
 */
export function writeLiveReport(options: { dir: string; elapsedSeconds: number }): { decided: number; open: number } {
  const claims = readLiveClaims(options.dir);
  const decided = claims.filter((c) => c.state === 'decided');
  const open = claims
    .filter((c) => c.state === 'open' && c.stage !== undefined)
    .map((c): OpenClaim => {
      const v = c.report.verdicts.find((r) => r.metric === c.report.decidingMetric) ?? c.report.verdicts[0];
      const stage = c.stage ?? { stage: 0, stages: 0, seedsPerArm: 0, conditionalPower: Number.NaN };
      return { id: c.report.id, title: c.report.title, specFile: c.specFile, ...stage, metric: v.metric, effect: v.main.effect, at: c.at };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const started = new Set(claims.map((c) => c.report.id));
  const waiting = (readSuitePlan(options.dir)?.claims ?? []).map((c) => c.id).filter((id) => !started.has(id));
  const suite = readSuiteStatus(options.dir);
  const live: LiveStatus = { decided: decided.length, open, elapsedSeconds: options.elapsedSeconds, waiting, ...(suite ? { suite } : {}) };
  const doc = {
    ...buildClaimsDocument(
      decided.map((c) => ({ report: c.report, testPassed: c.testPassed ?? false })),
      options.elapsedSeconds,
    ),
    live,
  };
  writeJsonAtomic(join(options.dir, 'claims.json'), doc);
  writeFileAtomic(join(options.dir, 'summary.md'), summaryMarkdown(doc));
  writeFileAtomic(join(options.dir, 'index.html'), htmlReport(doc));
  return { decided: decided.length, open: open.length };
}
