import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Reporter, TestCase, TestModule, TestSpecification } from 'vitest/node';
import type { ClaimMap } from '../claims/maps/claimMap.js';
import type { ClaimReport } from '../claims/claimReport.js';
import { collectClaims } from '../claims/runner/claimCollector.js';
import { liveDir } from '../claims/runner/liveClaims.js';
import { planSuite, suitePlanSettings } from '../claims/runner/suitePlan.js';
import { writeSuitePlan } from '../claims/runner/suiteFiles.js';
import { writableFolder } from '../primitives/writableFolder.js';
import { readSetting } from '../settings.js';
import type { ClaimsDocument } from './claimsDocument.js';
import type { ErroredClaim } from './erroredClaim.js';
import { readBaseline } from './readBaseline.js';
import { writeLiveReport } from './liveReport.js';
import { writeReports } from './writeReports.js';

/**
 * Vitest reporter of the claims: collects each claim test's `task.meta.claim` and, at the end of
 * the run, writes the reports to `GST_REPORT_DIR` (default `reports/latest`). While the suite runs it
 * plans the claims it will run (`live/suite/plan.json`: every stage of every claim, known before
 * any is trained) and rewrites the reports from the claims' live states (`live/`, written after every
 * stage) every few seconds, so the verdicts decided so far, the claims still open and the suite's
 * estimate can be read at once. With
 * `GST_BASELINE=path/to/claims.json` it also compares with that baseline and fails the run on a
 * verdict flip or an effect drift. A claim whose test threw before deciding, or a claim file that failed
 * to import, is in the reports as an `error` (junit.xml counts it as one) and fails the run; the reports
 * are written whenever claim files ran, even when none of them gave a verdict.
 */
/** An error message's first line (the reports' one-line summary of it). */
const firstLine = (message: string | undefined) => (message ?? 'the test failed without an error message').split('\n')[0];

export default class ClaimsReporter implements Reporter {
  private readonly collected: { report: ClaimReport; testPassed: boolean }[] = [];
  private readonly maps: ClaimMap[] = [];
  private readonly errored: ErroredClaim[] = [];
  private claimFiles = 0;
  private baseline: { path: string; doc: ClaimsDocument } | undefined;
  private started = performance.now();
  private liveTimer: ReturnType<typeof setInterval> | undefined;
  private liveSeen = 0;

  async onTestRunStart(specifications: ReadonlyArray<TestSpecification>): Promise<void> {
    this.started = performance.now();
    const startedAt = new Date();
    this.collected.length = 0;
    this.maps.length = 0;
    this.errored.length = 0;
    const dir = resolve(readSetting('GST_REPORT_DIR'));
    const claimFiles = specifications.filter((s) => s.project.name === 'tradeoff').map((s) => s.moduleId);
    this.claimFiles = claimFiles.length;
    if (claimFiles.length > 0) writableFolder({ path: dir, setting: 'GST_REPORT_DIR', write: true });
    const baselinePath = readSetting('GST_BASELINE');
    this.baseline = baselinePath === undefined || claimFiles.length === 0 ? undefined : { path: baselinePath, doc: readBaseline(baselinePath) };
    rmSync(liveDir(dir), { recursive: true, force: true });
    if (claimFiles.length > 0) writeSuitePlan(dir, planSuite(await collectClaims(claimFiles), { ...suitePlanSettings(), startedAt }));
    this.liveSeen = 0;
    this.liveTimer = setInterval(() => this.renderLive(dir), 3_000);
    this.liveTimer.unref();
  }

  /** Rewrites the live report when a claim's live state changed since the last look. */
  private renderLive(dir: string): void {
    const live = liveDir(dir);
    if (!existsSync(live)) return;
    // a state being replaced (its temporary file renamed away meanwhile) counts at the next look
    const mtime = (f: string) => statSync(join(live, f), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const latest = Math.max(0, ...readdirSync(live).map(mtime));
    if (latest <= this.liveSeen) return;
    this.liveSeen = latest;
    writeLiveReport({ dir, elapsedSeconds: (performance.now() - this.started) / 1000 });
  }

  onTestCaseResult(testCase: TestCase): void {
    const { claim, claimMap, claimDeclared } = testCase.meta();
    const result = testCase.result();
    if (claim !== undefined) this.collected.push({ report: claim, testPassed: result.state === 'passed' });
    else if (claimDeclared !== undefined) {
      // threw before it decided (an expected failure's error passes in vitest: here it is an error all the same)
      const error = result.state === 'failed' ? result.errors[0] : undefined;
      this.errored.push({
        outcome: 'error',
        kind: 'claim',
        file: relative(process.cwd(), testCase.module.moduleId),
        ...claimDeclared,
        message: firstLine(error?.message),
      });
    }
    if (claimMap !== undefined) this.maps.push(claimMap);
  }

  onTestModuleEnd(testModule: TestModule): void {
    const [error] = testModule.errors();
    if (testModule.project.name === 'tradeoff' && error !== undefined)
      this.errored.push({ outcome: 'error', kind: 'file', file: relative(process.cwd(), testModule.moduleId), message: firstLine(error.message) });
  }

  onTestRunEnd(): void {
    clearInterval(this.liveTimer);
    const dir = resolve(readSetting('GST_REPORT_DIR'));
    rmSync(liveDir(dir), { recursive: true, force: true });
    if (this.collected.length === 0 && this.maps.length === 0 && this.errored.length === 0 && this.claimFiles === 0) return;
    const { regressed } = writeReports({
      dir,
      reports: this.collected,
      maps: this.maps,
      errored: this.errored,
      durationSeconds: (performance.now() - this.started) / 1000,
      baseline: this.baseline,
    });
    process.stderr.write(`claims report: ${dir}/{claims.json,summary.md,index.html,junit.xml}\n`);
    if (this.errored.length > 0) {
      process.stderr.write(
        `${this.errored.length} claim${this.errored.length === 1 ? '' : 's'} or file${this.errored.length === 1 ? '' : 's'} gave no verdict (errors): see ${dir}/summary.md\n`,
      );
      process.exitCode = 1;
    }
    if (regressed) {
      process.stderr.write(`baseline regression: see ${dir}/baseline-diff.md\n`);
      process.exitCode = 1;
    }
  }
}
