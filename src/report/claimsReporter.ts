import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reporter, TestCase, TestSpecification } from 'vitest/node';
import type { ClaimMap } from '../claims/maps/claimMap.js';
import type { ClaimReport } from '../claims/claimReport.js';
import { collectClaims } from '../claims/runner/claimCollector.js';
import { liveDir } from '../claims/runner/liveClaims.js';
import { planSuite, suitePlanSettings } from '../claims/runner/suitePlan.js';
import { writeSuitePlan } from '../claims/runner/suiteFiles.js';
import { readSetting } from '../settings.js';
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
 * verdict flip or an effect drift.
 */
export default class ClaimsReporter implements Reporter {
  private readonly collected: { report: ClaimReport; testPassed: boolean }[] = [];
  private readonly maps: ClaimMap[] = [];
  private started = performance.now();
  private liveTimer: ReturnType<typeof setInterval> | undefined;
  private liveSeen = 0;

  async onTestRunStart(specifications: ReadonlyArray<TestSpecification>): Promise<void> {
    this.started = performance.now();
    const startedAt = new Date();
    this.collected.length = 0;
    this.maps.length = 0;
    const dir = resolve(readSetting('GST_REPORT_DIR'));
    rmSync(liveDir(dir), { recursive: true, force: true });
    const claimFiles = specifications.filter((s) => s.project.name === 'tradeoff').map((s) => s.moduleId);
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
    const { claim, claimMap } = testCase.meta();
    if (claim !== undefined) this.collected.push({ report: claim, testPassed: testCase.result().state === 'passed' });
    if (claimMap !== undefined) this.maps.push(claimMap);
  }

  onTestRunEnd(): void {
    clearInterval(this.liveTimer);
    const dir = resolve(readSetting('GST_REPORT_DIR'));
    rmSync(liveDir(dir), { recursive: true, force: true });
    if (this.collected.length === 0 && this.maps.length === 0) return;
    const { regressed } = writeReports({
      dir,
      reports: this.collected,
      maps: this.maps,
      durationSeconds: (performance.now() - this.started) / 1000,
      baseline: readSetting('GST_BASELINE'),
    });
    process.stderr.write(`claims report: ${dir}/{claims.json,summary.md,index.html,junit.xml}\n`);
    if (regressed) {
      process.stderr.write(`baseline regression: see ${dir}/baseline-diff.md\n`);
      process.exitCode = 1;
    }
  }
}
