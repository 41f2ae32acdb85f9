import { inertEpochs } from '../pruning/inertEpochs.js';
import { prefixKey } from '../store/prefixKey.js';
import { runKey } from '../store/runKey.js';
import type { RunJob, RunRequest } from './runJob.js';
import { trainingTwin } from './trainingTwin.js';

/** What the planner needs to know of the store. */
export interface StoreView {
  hasRun(key: string): boolean;
  hasFinalState(key: string): boolean;
}

/** Options of {@link planRuns}; the scheduler fills them from the settings. */
export interface PlanOptions {
  readonly backend: string;
  /** Share training prefixes between runs of the same seed and training config. */
  readonly prefixCheckpoints: boolean;
  /** Measured (flatness) runs restore their training twin's final state instead of training. */
  readonly finalStates: boolean;
  /** Final states up to this size are kept for every run; those of wanted twins always. */
  readonly finalStateBytes: number;
}

/** The planner's answer: each request's key, and the jobs to execute in queue order. */
export interface RunPlan {
  readonly keys: readonly string[];
  /** Runs not in the store, each once: twins and other runs first, then the runs measured on twins. */
  readonly jobs: readonly RunJob[];
  /** Runs (requested, and twins) already in the store. */
  readonly stored: number;
  /** Final states the plan would have measured on that are not stored (their twin's run is), each said once: the measured runs train instead. */
  readonly missing: readonly string[];
}

/** Epochs at the start of a run that are those of an unpruned run of the same training (finite: JSON has no Infinity). */
function shareableEpochs(request: RunRequest): number {
  return Math.min(inertEpochs(request.config.pruning), request.config.train.epochs);
}

/** Epoch counts after which some run of each request's prefix group continues (so whichever trains first stores them). */
function prefixPoints(requests: readonly RunRequest[], backend: string): number[][] {
  const groups = requests.map((r) => prefixKey({ train: r.config.train, seed: r.seed, backend }));
  const needs = new Map<string, Set<number>>();
  requests.forEach((r, i) => {
    const shareable = shareableEpochs(r);
    if (shareable >= 1) needs.set(groups[i], (needs.get(groups[i]) ?? new Set()).add(shareable));
  });
  return groups.map((group) => [...(needs.get(group) ?? [])].sort((a, b) => a - b));
}

/**
 * Decides, without training or writing anything, which runs must execute for `requests` and how:
 * a run measuring flatness gets its training twin (trained, or read, and keeping its final state)
 * and only measures on it; runs of one prefix group store the checkpoints the others continue
 * from; runs already stored are read, not planned.
 *
 * @example
 * ```ts
 * const plan = planRuns(requests, { backend: 'wasm', prefixCheckpoints: true, finalStates: true, finalStateBytes: 16e6 }, {
 *   hasRun: (key) => store.runs.has(key),
 *   hasFinalState: (key) => store.finalStates.has(key),
 * });
 * plan.jobs.length; // runs still to train
 * ```
 */
export function planRuns(requests: readonly RunRequest[], options: PlanOptions, store: StoreView): RunPlan {
  const { backend } = options;
  const keyOf = (r: RunRequest) => runKey({ config: r.config, seed: r.seed, backend });
  const twins = requests.map((r) =>
    r.config.flatness !== undefined && options.finalStates ? { config: trainingTwin(r.config), seed: r.seed, label: r.label } : undefined,
  );
  const all = [...requests, ...twins.filter((t) => t !== undefined)];
  const keys = all.map(keyOf);
  const twinKeyOf = new Map<string, string>(); // measured run key -> its twin's key
  twins.forEach((twin, i) => twin !== undefined && twinKeyOf.set(keys[i], keyOf(twin)));
  const wantedTwins = new Set(twinKeyOf.values());
  const pending = new Set(keys.filter((key) => !store.hasRun(key)));
  const points = prefixPoints(all, backend);
  const jobs: RunJob[] = [];
  const planned = new Set<string>();
  all.forEach((request, i) => {
    const key = keys[i];
    if (!pending.has(key) || planned.has(key)) return;
    planned.add(key);
    const twinKey = twinKeyOf.get(key);
    const twinReady = twinKey !== undefined && (pending.has(twinKey) || store.hasFinalState(twinKey));
    jobs.push({
      ...request,
      key,
      backend,
      prefix: options.prefixCheckpoints && shareableEpochs(request) >= 1 ? { epochs: shareableEpochs(request), alsoAfter: points[i] } : undefined,
      keepFinalState:
        options.finalStates && request.config.flatness === undefined ? { maxBytes: wantedTwins.has(key) ? undefined : options.finalStateBytes } : undefined,
      twinKey: twinReady ? twinKey : undefined,
    });
  });
  const measuredLast = [...jobs.filter((job) => !twinKeyOf.has(job.key)), ...jobs.filter((job) => twinKeyOf.has(job.key))];
  // a wanted twin stored without its final state: its measured run trains the twin's epochs itself (said once)
  const missing = [
    ...new Set(
      jobs.flatMap((job) => {
        const twin = twinKeyOf.get(job.key);
        return twin !== undefined && job.twinKey === undefined && !pending.has(twin)
          ? [`final/${twin}.ckpt is not stored (deleted, or never kept: larger than GST_FINAL_STATE_MB): ${job.label} trains its twin's epochs itself`]
          : [];
      }),
    ),
  ];
  return { keys: keys.slice(0, requests.length), jobs: measuredLast, stored: new Set(keys).size - pending.size, missing };
}
