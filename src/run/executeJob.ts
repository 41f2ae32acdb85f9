import { backendIdentity, initBackend } from '../engine/backend/initBackend.js';
import type { ProgressSink } from '../engine/train/progress.js';
import type { ExperimentStore } from '../store/experimentStore.js';
import { executeRun, measureOnTwin } from './executeRun.js';
import type { RunJob } from './runJob.js';
import type { RunResult } from '../results/runResult.js';

/**
 * Executes one planned job against the store: measures on the twin's kept final state when the
 * job says so and the state is there, else trains, continuing from the longest stored prefix
 * checkpoint it may use and storing the checkpoints and final state the plan asks for. The same
 * in this process and in a worker. The result is returned, not stored (the scheduler stores it).
 *
 * @example
 * ```ts
 * const result = await executeJob(plan.jobs[0], { store: openStore({ root: '.gst-store' }) });
 * ```
 */
export async function executeJob(job: RunJob, options: { store: ExperimentStore; progress?: ProgressSink }): Promise<RunResult> {
  const { store, progress } = options;
  const backend = await initBackend();
  if (backendIdentity(backend) !== job.backend)
    throw new Error(
      `job ${job.label}: planned for backend '${job.backend}' but this process runs '${backendIdentity(backend)}'; give workers the same GST_BACKEND`,
    );
  const twin = job.twinKey !== undefined && store.finalStates.has(job.twinKey) ? store.runs.read(job.twinKey) : undefined;
  if (twin !== undefined && job.twinKey !== undefined) {
    return measureOnTwin({
      config: job.config,
      seed: job.seed,
      twin,
      twinKey: job.twinKey,
      state: store.finalStates.load(job.twinKey),
      progress,
      label: job.label,
    });
  }
  const identity = { train: job.config.train, seed: job.seed, backend: job.backend };
  const shareable = job.prefix?.epochs ?? 0;
  const saveAfter = [shareable, ...(job.prefix?.alsoAfter ?? [])].filter((e) => e >= 1 && e <= shareable && !store.prefixes.has(identity, e));
  return executeRun({
    config: job.config,
    seed: job.seed,
    label: job.label,
    progress,
    start: shareable >= 1 ? store.prefixes.latest(identity, shareable) : undefined,
    checkpoints: { after: saveAfter, save: (checkpoint) => store.prefixes.save(identity, checkpoint) },
    keepFinalState: job.keepFinalState && { maxBytes: job.keepFinalState.maxBytes, save: (state) => store.finalStates.save(job.key, state) },
  });
}
