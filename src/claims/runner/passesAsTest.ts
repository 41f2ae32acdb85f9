import type { ClaimReport } from '../claimReport.js';

/**
 * Whether a claim passes as its vitest test does: supported; for a claim expected not to reproduce at
 * the profile (`it.fails`), not supported; for an A/A control, neither supported nor contradicted.
 *
 * @example
 * ```ts
 * passesAsTest({ ...report, verdict: 'absent', control: true }); // true
 * ```
 */
export function passesAsTest(report: Pick<ClaimReport, 'verdict' | 'control' | 'expectedToFail'>): boolean {
  if (report.control) return report.verdict === 'absent' || report.verdict === 'not shown';
  return report.expectedToFail ? report.verdict !== 'supported' : report.verdict === 'supported';
}
