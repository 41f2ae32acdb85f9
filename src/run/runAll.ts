import { cpus } from 'node:os';
import { backendIdentity, initBackend, type BackendInfo } from '../engine/backend/initBackend.js';
import { formatDuration, type ProgressSink } from '../engine/train/progress.js';
import { batchProgress } from './batchProgress.js';
import { readSetting } from '../settings.js';
import type { ExperimentStore } from '../store/experimentStore.js';
import { executeJobs } from './executeJobs.js';
import { companions, seedsTogether } from './companions.js';
import { planRuns, type PlanOptions, type StoreView } from './planRuns.js';
import { trainedRequest } from './trainedRequest.js';
import type { RunJob, RunRequest } from './runJob.js';
import type { RunResult } from '../results/runResult.js';
import { truncateRun } from './truncateRun.js';
import { WorkerPool } from './workerPool.js';

/** Options of {@link runAll}; unset levers come from the settings (src/settings.ts). */
export interface SchedulerOptions {
  readonly store: ExperimentStore;
  /** Worker processes (default `GST_WORKERS`, else one per core); 0 trains in this process. */
  readonly workers?: number;
  readonly progress?: ProgressSink;
  /** A part of every progress line after the batch's own (the suite's state), before the run's detail. */
  readonly progressContext?: () => string;
  /** How often to look again at a run another process is training (ms, default 2000). */
  readonly pollMs?: number;
  /** How often to say which run it waits for, held by whom (ms, default 30,000), and to renew the leases of the runs it trains. */
  readonly noticeMs?: number;
  /** Share training prefixes between runs (default `GST_PREFIX_CHECKPOINTS`, on). */
  readonly prefixCheckpoints?: boolean;
  /** Final states up to this size (MB) are kept for every run (default `GST_FINAL_STATE_MB`, 16); those of wanted twins always. */
  readonly finalStateMb?: number;
  /** Measured runs measure on their twin's kept final state (default `GST_FINAL_STATES`, on). */
  readonly finalStates?: boolean;
  /** Runs trained together on webgpu where `GST_SEEDS_TOGETHER` is unset (the profile's; default 1). */
  readonly webgpuSeedsTogether?: number;
}

/** What {@link runAll} returns: the results in request order, and the backend they were planned for. */
export interface RunBatch {
  readonly results: readonly RunResult[];
  readonly backend: BackendInfo;
}

/** Worker processes to use by default: `GST_WORKERS`, else one per core. */
export function defaultWorkers(): number {
  return readSetting('GST_WORKERS') ?? cpus().length;
}

/** The planner's options as the scheduler sets them for `backend`: from `options`, else the settings. */
export function schedulerPlanOptions(backend: string, options: Partial<SchedulerOptions> = {}): PlanOptions {
  return {
    backend,
    prefixCheckpoints: options.prefixCheckpoints ?? readSetting('GST_PREFIX_CHECKPOINTS'),
    finalStates: options.finalStates ?? readSetting('GST_FINAL_STATES'),
    finalStateBytes: (options.finalStateMb ?? readSetting('GST_FINAL_STATE_MB')) * 1e6,
  };
}

/** What the planner sees of a store. */
function storeView(store: ExperimentStore): StoreView {
  return { hasRun: (key) => store.runs.has(key), hasFinalState: (key) => store.finalStates.has(key) };
}

/**
 * Lines about runs another process trains: what this one waits for, held by whom (host, pid), since
 * when and how long ago its holder last renewed the lease; at most one per run every `everyMs`, to
 * the progress sink or, where there is none, to stderr (a wait is never silent).
 */
function waitNotices(store: ExperimentStore, everyMs: number, sink: ProgressSink | undefined) {
  const said = new Map<string, number>();
  return {
    waiting(job: RunJob) {
      const now = Date.now();
      if (now - (said.get(job.key) ?? -Infinity) < everyMs) return;
      said.set(job.key, now);
      const holder = store.runs.lockHolder(job.key);
      const who = holder === undefined ? 'another process' : `pid ${holder.pid} on ${holder.host} since ${holder.since}`;
      const takeover = holder === undefined ? 0 : store.runs.takeoverAt(holder);
      const renewed =
        holder === undefined
          ? ''
          : `, lease renewed ${formatDuration((now - Date.parse(holder.refreshed ?? holder.since)) / 1000)} ago; taken over at ${new Date(takeover).toISOString()} (in ${formatDuration(Math.max(0, takeover - now) / 1000)}) unless renewed`;
      const line = `waiting for ${job.label} (run ${job.key.slice(0, 12)}): trained by ${who}${renewed}`;
      if (sink) sink(line);
      else console.warn(line);
    },
  };
}

/**
 * Makes every requested run available (a request with `trainEpochs` is read from that longer run): the planner decides which runs must execute (twins,
 * shared prefixes, kept states), finished runs are read from the store, the others execute (each at
 * most once: per-run locks shared with other processes and machines) in worker processes, and each
 * result is stored atomically as soon as it finishes, so an interruption loses only the runs in flight.
 *
 * @example
 * ```ts
 * const { results } = await runAll(requests, { store: openStore({ root: defaultStoreRoot() }), progress: console.error });
 * ```
 */
export async function runAll(requests: readonly RunRequest[], options: SchedulerOptions): Promise<RunBatch> {
  const { store } = options;
  const trained = requests.map(trainedRequest);
  const backend = await initBackend();
  const workers = options.workers ?? defaultWorkers();
  const plan = planRuns(trained, schedulerPlanOptions(backendIdentity(backend), options), storeView(store));
  for (const line of plan.missing) (options.progress ?? ((l: string) => console.warn(l)))(`run store: ${line}`);
  const pending = new Set(plan.jobs.map((job) => job.key));
  const progress = batchProgress(options.progress, plan.jobs.length, plan.stored, options.progressContext);
  const pool = workers > 0 ? new WorkerPool(store.root, options.progress) : undefined;
  const execute = (jobs: readonly RunJob[]) => {
    const onProgress = (line: string) => progress.line(line);
    return pool ? pool.run(jobs, onProgress) : executeJobs(jobs, { store, progress: onProgress });
  };
  const together = seedsTogether(backend, options.webgpuSeedsTogether);
  const noticeMs = options.noticeMs ?? 30_000;
  const notices = waitNotices(store, noticeMs, options.progress);
  const queue = [...plan.jobs];
  const waiting: RunJob[] = [];
  const workerLoop = async (): Promise<void> => {
    for (;;) {
      const job = queue.shift() ?? waiting.shift();
      if (job === undefined) return;
      if (store.runs.has(job.key)) {
        pending.delete(job.key);
        progress.foundStored();
        continue;
      }
      const twinTraining = job.twinKey !== undefined && pending.has(job.twinKey);
      if (twinTraining || !store.runs.tryLock(job.key)) {
        // its twin is still training here, or another process trains it: look again later
        if (!twinTraining) notices.waiting(job);
        waiting.push(job);
        if (queue.length === 0) await new Promise((r) => setTimeout(r, options.pollMs ?? 2000));
        continue;
      }
      const group = [job, ...companions(job, queue, together, store)];
      const lease = setInterval(() => group.forEach((j) => store.runs.refreshLock(j.key)), noticeMs);
      try {
        const results = await execute(group);
        group.forEach((j, i) => {
          store.runs.write(j.key, results[i]);
          pending.delete(j.key);
          progress.done(results[i]);
        });
        progress.line();
      } finally {
        clearInterval(lease);
        group.forEach((j) => store.runs.unlock(j.key));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, workers) }, workerLoop));
  } finally {
    pool?.close();
  }
  progress.complete();
  const results = plan.keys.map((key, i) => {
    const result = store.runs.read(key);
    if (result === undefined) throw new Error(`run ${requests[i].label} (seed ${requests[i].seed}) has no result`);
    return trained[i] === requests[i] ? result : truncateRun(result, requests[i].config);
  });
  return { results, backend };
}
