import type { SuiteStatus } from '../claims/runner/suiteFiles.js';

/** A claim still open in a running suite, as the live report shows it. */
export interface OpenClaim {
  readonly id: string;
  readonly title: string;
  readonly specFile: string;
  /** The stage its interim report is of (1-based), of how many, and the seeds per arm it read. */
  readonly stage: number;
  readonly stages: number;
  readonly seedsPerArm: number;
  /** P(`supported` by the last stage | this stage) at the minimum effect (normal approximation). */
  readonly conditionalPower: number;
  /** The deciding reading at that stage: not yet a verdict. */
  readonly metric: string;
  readonly effect: { readonly name: string; readonly value: number; readonly ci: { readonly lower: number; readonly upper: number } };
  readonly at: string;
}

/** What a live report adds to a claims document: the claims still open, and how far the suite is. */
export interface LiveStatus {
  readonly decided: number;
  readonly open: readonly OpenClaim[];
  readonly elapsedSeconds: number;
  /** The suite measured against its plan (runs trained, the most still ahead), where a claim test has measured it. */
  readonly suite?: SuiteStatus;
  /** Claims of the suite's plan with no state yet: no stage of theirs has finished. */
  readonly waiting: readonly string[];
}
