import { backendIdentity, initBackend } from '../engine/backend/initBackend.js';
import type { ProgressSink } from '../engine/train/progress.js';
import { canonicalJson } from '../primitives/canonicalJson.js';
import type { ExperimentStore } from '../store/experimentStore.js';
import { executeRuns, measureOnTwin, type ExecuteRunOptions } from './executeRun.js';
import type { RunJob } from './runJob.js';
import type { RunResult } from '../results/runResult.js';

/** How a job trains: continuing from the longest stored prefix checkpoint it may use, storing the checkpoints and final state the plan asks for. */
function trainingOf(job: RunJob, store: ExperimentStore): ExecuteRunOptions {
  const identity = { train: job.config.train, seed: job.seed, backend: job.backend };
  const shareable = job.prefix?.epochs ?? 0;
  const start = shareable >= 1 ? store.prefixes.latest(identity, shareable) : undefined; // first: a damaged checkpoint is quarantined, then saved anew
  const saveAfter = [shareable, ...(job.prefix?.alsoAfter ?? [])].filter((e) => e >= 1 && e <= shareable && !store.prefixes.has(identity, e));
  return {
    config: job.config,
    seed: job.seed,
    label: job.label,
    start,
    checkpoints: { after: saveAfter, save: (checkpoint) => store.prefixes.save(identity, checkpoint) },
    keepFinalState: job.keepFinalState && { maxBytes: job.keepFinalState.maxBytes, save: (state) => store.finalStates.save(job.key, state) },
  };
}

/**
 * Executes planned jobs against the store, the same in this process and in a worker: a job measures
 * on its twin's kept final state when it says so and the state is there and sound; the others train, those of
 * one training config continuing from the same epoch together as one ensemble (`executeRuns`). The
 * results come back in job order, not stored (the scheduler stores them).
 *
 * @example
 * ```ts
 * const [result] = await executeJobs([plan.jobs[0]], { store: openStore({ root: '.gst-store' }) });
 * ```
 */
export async function executeJobs(jobs: readonly RunJob[], options: { store: ExperimentStore; progress?: ProgressSink }): Promise<RunResult[]> {
  const { store, progress } = options;
  const backend = backendIdentity(await initBackend());
  const other = jobs.find((job) => job.backend !== backend);
  if (other !== undefined)
    throw new Error(`job ${other.label}: planned for backend '${other.backend}' but this process runs '${backend}'; give workers the same GST_BACKEND`);
  const results: RunResult[] = [];
  const training = new Map<string, { index: number; run: ExecuteRunOptions }[]>(); // by training config and the epoch they continue after
  for (const [index, job] of jobs.entries()) {
    const twin = job.twinKey !== undefined && store.finalStates.has(job.twinKey) ? store.runs.read(job.twinKey) : undefined;
    const state = twin !== undefined && job.twinKey !== undefined ? store.finalStates.load(job.twinKey) : undefined;
    if (twin !== undefined && state !== undefined && job.twinKey !== undefined) {
      results[index] = await measureOnTwin({ config: job.config, seed: job.seed, twin, twinKey: job.twinKey, state, progress, label: job.label });
      continue;
    }
    const run = trainingOf(job, store);
    const group = `${canonicalJson(job.config.train)} after ${run.start?.epochsDone ?? 0}`;
    training.set(group, [...(training.get(group) ?? []), { index, run }]);
  }
  for (const group of training.values()) {
    const trained = await executeRuns(
      group.map((g) => g.run),
      progress,
    );
    group.forEach((g, i) => (results[g.index] = trained[i]));
  }
  return results;
}
