import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readJsonIfThere, writeJsonAtomic } from '../../primitives/atomicFile.js';
import { readSetting } from '../../settings.js';
import type { ClaimReport } from '../claimReport.js';
import type { StageProgress } from '../evaluateClaim.js';

/**
 * A claim as the running suite knows it: `open` after each stage that did not decide it (its interim
 * report), `decided` when its test ends. The claims reporter renders the files of `live/` into the
 * report folder while the suite runs (`src/report/liveReport.ts`).
 */
export interface LiveClaim {
  readonly state: 'open' | 'decided';
  /** The spec file, relative to the repository. */
  readonly specFile: string;
  readonly report: ClaimReport;
  /** For an open claim: the stage its interim report is of. */
  readonly stage?: StageProgress;
  /** For a decided claim: whether its test passes (supported; an expected failure not supported; a control in bounds). */
  readonly testPassed?: boolean;
  readonly at: string;
}

/** The running suite's live files in the report folder `reportDir`: `live/` (removed when the final report is written). */
export function liveDir(reportDir: string): string {
  return join(reportDir, 'live');
}

/** Where the suite's live claims are written: `live/` in the report folder (`GST_REPORT_DIR`). */
export function liveClaimsDir(): string {
  return liveDir(readSetting('GST_REPORT_DIR'));
}

/** Records a claim's state for the live report, atomically (a reader never sees half a file). */
export function writeLiveClaim(claim: Omit<LiveClaim, 'at' | 'specFile'> & { specPath: string | undefined }): void {
  const { specPath, ...rest } = claim;
  const entry: LiveClaim = { ...rest, specFile: specPath === undefined ? '' : relative(process.cwd(), specPath), at: new Date().toISOString() };
  writeJsonAtomic(join(liveClaimsDir(), `${claim.report.id}.json`), entry);
}

/** The live claims written so far in `dir/live/` (`dir`: the report folder) (a file being replaced is skipped until the next look). */
export function readLiveClaims(dir: string): LiveClaim[] {
  const live = liveDir(dir);
  if (!existsSync(live)) return [];
  return readdirSync(live)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => readJsonIfThere<LiveClaim>(join(live, f)) ?? []);
}
