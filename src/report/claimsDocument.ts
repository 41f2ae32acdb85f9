import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import type { ClaimMap } from '../claims/maps/claimMap.js';
import type { ClaimReport } from '../claims/claimReport.js';
import { claimsReportVersion } from '../claims/claimReport.js';
import { benjaminiHochberg } from '../stats/benjaminiHochberg.js';
import { holm } from '../stats/holm.js';
import type { ErroredClaim } from './erroredClaim.js';
import type { LiveStatus } from './liveStatus.js';

/** A claim in `claims.json`: its report plus the p-values adjusted across all claims of the run. */
export interface ClaimEntry extends ClaimReport {
  /** Holm-adjusted deciding p across the claims of this run (controls among the controls). */
  readonly pHolm: number;
  /** Benjamini-Hochberg-adjusted deciding p across the claims of this run. */
  readonly pBH: number;
  /** Whether vitest passed the claim's test (expected failures pass when the claim is not supported). */
  readonly testPassed: boolean;
}

/**
 * What the claim's test did, in words for the reports: `expected failure` is a claim registered with
 * `it.fails` at this profile that did not reproduce (vitest counts that as passed).
 * @example testOutcome({ testPassed: true, expectedToFail: 'not shown at mini' }); // 'expected failure'
 */
export function testOutcome(entry: Pick<ClaimEntry, 'testPassed' | 'expectedToFail'>): 'passed' | 'expected failure' | 'FAILED' {
  if (!entry.testPassed) return 'FAILED';
  return entry.expectedToFail ? 'expected failure' : 'passed';
}

/** `reports/latest/claims.json` (schema version {@link claimsReportVersion}). */
export interface ClaimsDocument {
  readonly version: number;
  readonly generatedAt: string;
  readonly gitCommit: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly platform: string };
  readonly durationSeconds: number;
  readonly claims: readonly ClaimEntry[];
  /** Claims that gave no verdict: their test threw, or their file failed to import (absent in documents of older versions). */
  readonly errored?: readonly ErroredClaim[];
  /** Claim maps explored in this run (GST_MAP=1). */
  readonly maps: readonly ClaimMap[];
  /** Only while the suite runs (the live report): the claims still open. The final report has none. */
  readonly live?: LiveStatus;
}

/** The short commit of the working tree, `unknown` outside git. */
export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Holm and BH of the deciding p-values within each group (the paper's claims; the A/A controls). */
function adjustWithinGroups(reports: readonly ClaimReport[]): { pHolm: number[]; pBH: number[] } {
  const pHolm = new Array<number>(reports.length);
  const pBH = new Array<number>(reports.length);
  for (const control of [false, true]) {
    const members = reports.flatMap((r, i) => ((r.control ?? false) === control ? [i] : []));
    const raw = members.map((i) => reports[i].verdicts[0].main.pValue);
    const [h, b] = [holm(raw), benjaminiHochberg(raw)];
    members.forEach((i, k) => {
      pHolm[i] = h[k];
      pBH[i] = b[k];
    });
  }
  return { pHolm, pBH };
}

/** Assembles the run's document: claims sorted by id, deciding p-values adjusted (Holm, BH) across the paper's claims (and, apart, across the controls), the claims that errored by file. */
export function buildClaimsDocument(
  reports: readonly { report: ClaimReport; testPassed: boolean }[],
  durationSeconds: number,
  maps: readonly ClaimMap[] = [],
  errored: readonly ErroredClaim[] = [],
): ClaimsDocument {
  const sorted = [...reports].sort((a, b) => a.report.id.localeCompare(b.report.id));
  const { pHolm, pBH } = adjustWithinGroups(sorted.map((r) => r.report));
  return {
    version: claimsReportVersion,
    generatedAt: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}` },
    durationSeconds,
    claims: sorted.map((r, i) => ({ ...r.report, pHolm: pHolm[i], pBH: pBH[i], testPassed: r.testPassed })),
    errored: [...errored].sort((a, b) => a.file.localeCompare(b.file) || (a.id ?? '').localeCompare(b.id ?? '')),
    maps,
  };
}
