import { backendIdentity, initBackend } from '../../engine/backend/initBackend.js';
import { formatDuration } from '../../engine/train/progress.js';
import { planRuns } from '../../run/planRuns.js';
import { schedulerPlanOptions } from '../../run/runAll.js';
import type { RunRequest } from '../../run/runJob.js';
import { trainedRequest } from '../../run/trainedRequest.js';
import { readSetting } from '../../settings.js';
import { defaultStoreRoot, openStore, type ExperimentStore } from '../../store/experimentStore.js';
import { readLiveClaims } from './liveClaims.js';
import { readSuitePlan, readSuiteStatus, writeSuiteStatus, type SuiteStatus } from './suiteFiles.js';
import type { PlannedClaim, SuitePlan } from './suitePlan.js';

/** The runs of every stage of a claim, as the scheduler would train them. */
function requestsOf(plan: SuitePlan, claim: PlannedClaim): RunRequest[] {
  return claim.stages.flatMap((stage) => stage.runs.map(([c, seed]) => trainedRequest({ ...plan.configs[c], seed, label: claim.id })));
}

const nothingStored = { hasRun: () => false, hasFinalState: () => false };
const jobKeyCache = new WeakMap<PlannedClaim, { backend: string; keys: readonly string[] }>();

/** The keys of the runs the scheduler would execute for every stage of a claim from an empty store (its twins included); computed once. */
function jobKeys(plan: SuitePlan, claim: PlannedClaim, backend: string): readonly string[] {
  const cached = jobKeyCache.get(claim);
  if (cached?.backend === backend) return cached.keys;
  const keys = planRuns(requestsOf(plan, claim), schedulerPlanOptions(backend), nothingStored).jobs.map((job) => job.key);
  jobKeyCache.set(claim, { backend, keys });
  return keys;
}

/**
 * Measures the running suite now: the claims decided (their live state), the runs trained since it
 * started and the most it could still train (the runs the planner would execute from an empty store,
 * twins included, for every stage of every claim not decided, less those stored: an upper bound, as a
 * twin no longer needed still counts), and writes the status beside the plan for the live report.
 *
 * @example
 * ```ts
 * measureSuite({ reportDir: 'reports/latest', plan, store, backend: 'wasm' }); // { decided: 3, trainedRuns: 230, atMostRuns: 610, … }
 * ```
 */
export function measureSuite(options: { reportDir: string; plan: SuitePlan; store: ExperimentStore; backend: string; now?: Date }): SuiteStatus {
  const { reportDir, plan } = options;
  const now = options.now ?? new Date();
  const toDo = (claims: readonly PlannedClaim[]) =>
    [...new Set(claims.flatMap((c) => jobKeys(plan, c, options.backend)))].filter((key) => !options.store.runs.has(key)).length;
  const decidedIds = new Set(
    readLiveClaims(reportDir)
      .filter((c) => c.state === 'decided')
      .map((c) => c.report.id),
  );
  const open = plan.claims.filter((c) => !decidedIds.has(c.id));
  const toDoNow = toDo(plan.claims);
  const toDoAtStart = readSuiteStatus(reportDir)?.toDoAtStart ?? toDoNow;
  const trainedRuns = Math.max(0, toDoAtStart - toDoNow);
  const elapsedSeconds = (now.getTime() - Date.parse(plan.startedAt)) / 1000;
  const status: SuiteStatus = {
    planStartedAt: plan.startedAt,
    claims: plan.claims.length,
    decided: plan.claims.length - open.length,
    trainedRuns,
    atMostRuns: toDo(open),
    elapsedSeconds,
    ...(trainedRuns > 0 ? { secondsPerRun: elapsedSeconds / trainedRuns } : {}),
    unplannedFiles: new Set(plan.unplanned.map((u) => u.file)).size,
    toDoAtStart,
    at: now.toISOString(),
  };
  writeSuiteStatus(reportDir, status);
  return status;
}

/**
 * The suite's part of a progress line: claims decided, runs trained and in what time, and the most
 * runs and time still ahead (at the measured time per run).
 *
 * @example
 * ```ts
 * suiteProgressText(status); // 'suite: 3/18 claims decided, 230 runs trained in 12m05s, at most 610 to go (≤ 32m30s at 3.2 s a run)'
 * ```
 */
export function suiteProgressText(status: SuiteStatus): string {
  const { secondsPerRun } = status;
  const time = secondsPerRun === undefined ? '' : ` (≤ ${formatDuration(status.atMostRuns * secondsPerRun)} at ${secondsPerRun.toFixed(1)} s a run)`;
  return `suite: ${status.decided}/${status.claims} claims decided, ${status.trainedRuns} runs trained in ${formatDuration(status.elapsedSeconds)}, at most ${status.atMostRuns} to go${time}`;
}

/** The running suite as a claim test sees it: its status measured on demand, and its part of the progress line. */
export interface SuiteProgress {
  /** Measures the suite now (after a stage, when a claim is decided), for the live report. */
  measure(): void;
  /** The suite's part of a progress line, measured at most every 10 s; '' outside a suite. */
  text(): string;
}

/**
 * The suite a claim test runs in: its plan (written by the claims reporter when the suite started),
 * measured against the store on the backend the runs train on. Outside a suite (no plan) it measures
 * nothing and adds nothing to the progress line.
 *
 * @example
 * ```ts
 * const suite = await suiteProgress();
 * await evaluateClaim(definition, { progressContext: suite.text, onStage: () => suite.measure() });
 * ```
 */
export async function suiteProgress(reportDir = readSetting('GST_REPORT_DIR')): Promise<SuiteProgress> {
  const plan = readSuitePlan(reportDir);
  if (plan === undefined) return { measure: () => undefined, text: () => '' };
  const backend = backendIdentity(await initBackend());
  const store = openStore({ root: defaultStoreRoot() });
  let last = -Infinity;
  let text = '';
  const measure = () => {
    last = performance.now();
    text = suiteProgressText(measureSuite({ reportDir, plan, store, backend }));
  };
  measure();
  return {
    measure,
    text: () => {
      if (performance.now() - last >= 10_000) measure();
      return text;
    },
  };
}
