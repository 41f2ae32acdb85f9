import { join } from 'node:path';
import { readJsonIfThere, writeJsonAtomic } from '../../primitives/atomicFile.js';
import { liveDir } from './liveClaims.js';
import type { SuitePlan } from './suitePlan.js';

/** How far a running suite is, measured against its plan (`suitePlan.ts`) and the store. */
export interface SuiteStatus {
  /** The plan this status is of (its `startedAt`). */
  readonly planStartedAt: string;
  readonly claims: number;
  readonly decided: number;
  /** Runs of the plan trained since the suite started (by any process). */
  readonly trainedRuns: number;
  /** The most runs the claims not yet decided could still need (every stage left of each). */
  readonly atMostRuns: number;
  readonly elapsedSeconds: number;
  /** Wall seconds per trained run so far (elapsed / trained); absent before the first run. */
  readonly secondsPerRun?: number;
  /** Files of the suite outside the plan (claim maps). */
  readonly unplannedFiles: number;
  /** Runs of the whole plan still to train when the suite was first measured. */
  readonly toDoAtStart: number;
  readonly at: string;
}

/** The plan and status of the running suite: `live/suite/` of the report folder `reportDir`. */
function suiteFile(reportDir: string, name: 'plan' | 'status'): string {
  return join(liveDir(reportDir), 'suite', `${name}.json`);
}

/** Records the suite's plan when it starts (atomically). */
export function writeSuitePlan(reportDir: string, plan: SuitePlan): void {
  writeJsonAtomic(suiteFile(reportDir, 'plan'), plan);
}

/** The running suite's plan; undefined where no claims reporter started a suite. */
export function readSuitePlan(reportDir: string): SuitePlan | undefined {
  return readJsonIfThere<SuitePlan>(suiteFile(reportDir, 'plan'));
}

/** Records the suite's status as a claim test measured it (atomically). */
export function writeSuiteStatus(reportDir: string, status: SuiteStatus): void {
  writeJsonAtomic(suiteFile(reportDir, 'status'), status);
}

/** The running suite's last measured status, when it is of the current plan. */
export function readSuiteStatus(reportDir: string): SuiteStatus | undefined {
  const status = readJsonIfThere<SuiteStatus>(suiteFile(reportDir, 'status'));
  return status !== undefined && status.planStartedAt === readSuitePlan(reportDir)?.startedAt ? status : undefined;
}
