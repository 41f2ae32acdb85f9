import { resolve } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import type { ClaimMap } from '../claims/maps/claimMap.js';
import type { ClaimReport } from '../claims/claimReport.js';
import { readSetting } from '../settings.js';
import { writeReports } from './writeReports.js';

/**
 * Vitest reporter of the claims: collects each claim test's `task.meta.claim` and, at the end of
 * the run, writes the reports to `GST_REPORT_DIR` (default `reports/latest`). With
 * `GST_BASELINE=path/to/claims.json` it also compares with that baseline and fails the run on a
 * verdict flip or an effect drift.
 */
export default class ClaimsReporter implements Reporter {
  private readonly collected: { report: ClaimReport; testPassed: boolean }[] = [];
  private readonly maps: ClaimMap[] = [];
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
    this.collected.length = 0;
    this.maps.length = 0;
  }

  onTestCaseResult(testCase: TestCase): void {
    const { claim, claimMap } = testCase.meta();
    if (claim !== undefined) this.collected.push({ report: claim, testPassed: testCase.result().state === 'passed' });
    if (claimMap !== undefined) this.maps.push(claimMap);
  }

  onTestRunEnd(): void {
    if (this.collected.length === 0 && this.maps.length === 0) return;
    const dir = resolve(readSetting('GST_REPORT_DIR'));
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
