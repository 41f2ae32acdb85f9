import { readSetting } from '../settings.js';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { formatDuration, type ProgressSink } from '../engine/train/progress.js';
import { inertEpochs } from '../pruning/inertEpochs.js';
import { executeRun } from './executeRun.js';
import { FinalStateStore, trainingTwin } from './finalStateStore.js';
import { PrefixCheckpointStore, prefixKey } from './prefixCheckpointStore.js';
import type { RunConfig } from './runConfig.js';
import { runKey } from './runKey.js';
import type { RunResult } from './runResult.js';
import type { RunStore } from './runStore.js';
import { WorkerPool } from './workerPool.js';

/** One run a claim needs. */
export interface RunRequest {
  readonly config: RunConfig;
  readonly seed: number;
  /** Shown in progress lines, e.g. `prune-L large #3`. */
  readonly label: string;
}

/** Options of {@link runAll}. */
export interface SchedulerOptions {
  readonly store: RunStore;
  /** Backend name the runs train on (part of the store key). */
  readonly backend: string;
  /** Worker processes (default `GST_WORKERS`, else one per core); 0 trains in this process. */
  readonly workers?: number;
  readonly progress?: ProgressSink;
  /** How often to look again at a run another process is training (ms, default 2000). */
  readonly pollMs?: number;
  /**
   * Share training prefixes between runs (default: on unless `GST_PREFIX_CHECKPOINTS=0`):
   * checkpoints live in `<store>/checkpoints/`.
   */
  readonly prefixCheckpoints?: boolean;
  /**
   * Final training states up to this size (MB) are kept for every run, in `<store>/final/`, so
   * that a later run measuring flatness on the same training only measures (default
   * `GST_FINAL_STATE_MB`, else 16). Runs requested together with such a measured run always keep theirs.
   */
  readonly finalStateMb?: number;
  /** Measured runs measure on their twin's kept final state (default: on unless `GST_FINAL_STATES=0`). */
  readonly finalStates?: boolean;
}

/** Worker processes to use by default: `GST_WORKERS`, else one per core. */
export function defaultWorkers(): number {
  return readSetting('GST_WORKERS') ?? cpus().length;
}

/**
 * For each request, the epoch counts after which runs of its prefix family (same seed and
 * training config) continue from a checkpoint, so that whichever of them trains first stores
 * every checkpoint the others need.
 */
function prefixPoints(requests: readonly RunRequest[], backend: string): number[][] {
  const families = requests.map((r) => prefixKey({ train: r.config.train, seed: r.seed, backend }));
  const needs = new Map<string, Set<number>>();
  requests.forEach((r, i) => {
    const shareable = Math.min(inertEpochs(r.config.pruning), r.config.train.epochs);
    if (shareable >= 1) needs.set(families[i], (needs.get(families[i]) ?? new Set()).add(shareable));
  });
  return families.map((family) => [...(needs.get(family) ?? [])].sort((a, b) => a - b));
}

/**
 * Makes every requested run available: reads finished runs from the store, trains the others
 * (each at most once: per-run locks shared with other processes and machines), in parallel worker
 * processes, and stores each result atomically as soon as it finishes, so an interruption loses
 * only the runs in flight. Returns the results in request order.
 *
 * @example
 * ```ts
 * const results = await runAll(requests, { store, backend: 'wasm', progress: console.error });
 * ```
 */
export async function runAll(requests: readonly RunRequest[], options: SchedulerOptions): Promise<RunResult[]> {
  const { store, backend } = options;
  const workers = options.workers ?? defaultWorkers();
  const keyOf = (r: RunRequest) => runKey({ config: r.config, seed: r.seed, backend });
  // a run measuring flatness trains as its twin (the same run without the measurement): the twin
  // trains (or is read), keeps its final state, and the measured run only measures on it
  const useFinalStates = options.finalStates ?? readSetting('GST_FINAL_STATES');
  const twinOf = (r: RunRequest): RunRequest | undefined =>
    r.config.flatness !== undefined && useFinalStates ? { config: trainingTwin(r.config), seed: r.seed, label: r.label } : undefined;
  const twinRequests = requests.map(twinOf);
  const all: RunRequest[] = [...requests, ...twinRequests.filter((t) => t !== undefined)];
  const keys = all.map(keyOf);
  const measured = new Map<string, string>(); // measured run key -> its twin's key
  twinRequests.forEach((twin, i) => twin !== undefined && measured.set(keys[i], keyOf(twin)));
  const results = new Map<string, RunResult>();
  const finalStates = new FinalStateStore(join(store.dir, 'final'));
  const pending: number[] = [];
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    const stored = store.read(key);
    if (stored) results.set(key, stored);
    else if (!seen.has(key)) pending.push(i);
    seen.add(key);
  });
  // a twin stored earlier without its final state is not retrained: its measured run trains itself
  const finalStateReady = (twinKey: string) => finalStates.has(twinKey) && store.read(twinKey) !== undefined;
  const needed = new Set(pending.map((i) => keys[i]));
  const total = pending.length;
  const started = performance.now();
  let finished = 0;
  let examples = 0;
  const report = (line?: string) => {
    if (!options.progress) return;
    const elapsed = (performance.now() - started) / 1000;
    const rate = finished > 0 ? elapsed / finished : 0;
    const left = finished > 0 ? rate * (total - finished) : 0;
    options.progress(`runs ${finished}/${total} trained (${results.size - finished} cached)` + (finished > 0 ? `, ${Math.round(examples / elapsed)} training ex/s overall, ~${formatDuration(left)} left` : '') + (line ? ` | ${line}` : ''));
  };
  const pool = workers > 0 ? new WorkerPool(workers) : undefined;
  const checkpoints = (options.prefixCheckpoints ?? readSetting('GST_PREFIX_CHECKPOINTS')) ? new PrefixCheckpointStore(join(store.dir, 'checkpoints')) : undefined;
  const points = prefixPoints(all, backend);
  const twinsWanted = new Set(measured.values());
  const finalStateBytes = (options.finalStateMb ?? readSetting('GST_FINAL_STATE_MB')) * 1e6;
  const train = (i: number) => {
    const request = all[i];
    const key = keys[i];
    const twinKey = measured.get(key);
    const twin = twinKey !== undefined && finalStateReady(twinKey) ? store.read(twinKey) : undefined;
    const measureAfter = twin && twinKey ? { key: twinKey, twin } : undefined;
    const keep = request.config.flatness === undefined && useFinalStates ? { key, maxBytes: twinsWanted.has(key) ? undefined : finalStateBytes } : undefined;
    if (pool) {
      return pool.run(
        request,
        {
          checkpointDir: checkpoints?.dir,
          prefixPoints: checkpoints && points[i],
          keepFinalState: keep && { dir: finalStates.dir, ...keep },
          measureAfter: measureAfter && { dir: finalStates.dir, ...measureAfter },
        },
        (line) => report(line),
      );
    }
    return executeRun({
      config: request.config,
      seed: request.seed,
      label: request.label,
      checkpoints,
      prefixPoints: points[i],
      keepFinalState: keep && { store: finalStates, ...keep },
      measureAfter: measureAfter && { store: finalStates, ...measureAfter },
      progress: (line) => report(line),
    });
  };

  // measured runs last, so that their twins are done first
  const queue = [...pending.filter((i) => !measured.has(keys[i])), ...pending.filter((i) => measured.has(keys[i]))];
  const waitingOnOthers: number[] = [];
  const workerLoop = async (): Promise<void> => {
    for (;;) {
      const i = queue.shift() ?? waitingOnOthers.shift();
      if (i === undefined) return;
      const key = keys[i];
      const stored = store.read(key);
      if (stored) {
        results.set(key, stored);
        needed.delete(key);
        continue;
      }
      const twinKey = measured.get(key);
      const waitForTwin = twinKey !== undefined && needed.has(twinKey) && !finalStateReady(twinKey);
      if (waitForTwin || !store.tryLock(key)) {
        // its twin is still training here, or another process trains it: look again later
        waitingOnOthers.push(i);
        if (queue.length === 0) await new Promise((r) => setTimeout(r, options.pollMs ?? 2000));
        continue;
      }
      try {
        const result = await train(i);
        store.write(key, result);
        results.set(key, result);
        finished += 1;
        needed.delete(key);
        examples += result.measuredOnRun === undefined ? (result.epochs.length - (result.resumedEpochs ?? 0)) * (result.config.train.data.trainSize ?? 0) : 0;
        report();
      } finally {
        store.unlock(key);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, workers) }, workerLoop));
  } finally {
    pool?.close();
  }
  return keys.slice(0, requests.length).map((key, i) => {
    const result = results.get(key);
    if (result === undefined) throw new Error(`run ${requests[i].label} (seed ${requests[i].seed}) has no result`);
    return result;
  });
}
