import { canonicalJson } from '../primitives/canonicalJson.js';
import type { ConvNet } from '../engine/models/convNet.js';
import type { BuiltRun } from '../engine/train/buildRun.js';
import type { ProgressSink } from '../engine/train/progress.js';
import type { TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';
import { restoreRun } from '../engine/train/restoreRun.js';
import { trainRuns, type TrainRunOptions } from '../engine/train/trainRun.js';
import { measureFlatness } from '../flatness/measureFlatness.js';
import { createPruning } from '../pruning/createPruning.js';
import type { RunConfig } from '../results/runConfig.js';
import { runResultVersion, type RunResult } from '../results/runResult.js';

/** Options of {@link executeRun}. */
export interface ExecuteRunOptions {
  readonly config: RunConfig;
  readonly seed: number;
  readonly progress?: ProgressSink;
  readonly label?: string;
  /** A state to continue from, within the epochs the pruning leaves alone (see `trainRun`). */
  readonly start?: TrainingCheckpoint;
  /** Training states to hand out after these epoch counts. */
  readonly checkpoints?: TrainRunOptions['checkpoints'];
  /** Hands the final training state to `save` when it is at most `maxBytes`. */
  readonly keepFinalState?: { readonly maxBytes?: number; save(state: TrainingCheckpoint): void };
}

/** Flatness of a trained (or restored) run when its config asks for it. */
async function measure(config: RunConfig, run: BuiltRun, seed: number): Promise<Pick<RunResult, 'flatness' | 'flatnessSeconds'>> {
  if (config.flatness === undefined) return {};
  const start = performance.now();
  const flatness = await measureFlatness({ model: run.model, data: run.data, config: config.flatness, seed });
  return { flatness, flatnessSeconds: (performance.now() - start) / 1000 };
}

/** Size of a run's final state in float32 (model and optimizer variables), without reading them. */
function stateBytes(run: BuiltRun): number {
  const variables = [...run.model.namedVariables().map(([, v]) => v), ...run.optimizer.stateVariables()];
  return 4 * variables.reduce((n, v) => n + v.size, 0);
}

async function countParameters(model: ConvNet): Promise<{ remaining: number; total: number }> {
  let remaining = 0;
  let total = 0;
  for (const data of await Promise.all(model.trainableVariables().map((v) => v.data()))) {
    total += data.length;
    for (let i = 0; i < data.length; i++) if (data[i] !== 0) remaining += 1;
  }
  return { remaining, total };
}

/**
 * Trains and measures one run: the engine with the pruning hooks, its epoch log and events, and
 * (when configured) flatness at the end of training. It knows no store: states come in and go out
 * explicitly. The model is disposed before returning.
 *
 * @example
 * ```ts
 * const result = await executeRun({ config, seed: 3 });
 * meanStability(result.events.map((e) => e.stability)); // e.g. 81.2
 * ```
 */
export async function executeRun(options: ExecuteRunOptions): Promise<RunResult> {
  const [result] = await executeRuns([options], options.progress);
  return result;
}

/**
 * Trains runs of one training config together (seeds trained together, `trainRuns`), then measures
 * each as {@link executeRun} does: each result is the one its run alone gives (timings aside). The
 * runs must start at the same epoch and not observe their units (the `activations` score).
 *
 * @example
 * ```ts
 * const [a, b] = await executeRuns([{ config, seed: 3 }, { config, seed: 4 }]);
 * ```
 */
export async function executeRuns(runs: readonly ExecuteRunOptions[], progress?: ProgressSink): Promise<RunResult[]> {
  const train = runs[0].config.train;
  if (runs.some((r) => canonicalJson(r.config.train) !== canonicalJson(train)))
    throw new Error('executeRuns: the runs have different training configs; only runs of one config (config.train) train together');
  const trained = await trainRuns({
    config: train,
    members: runs.map((r) => ({ ...r, hooks: createPruning(r.config.pruning, { seed: r.seed }).hooks })),
    progress,
  });
  const results: RunResult[] = [];
  try {
    for (const [i, run] of trained.entries()) {
      const { config, seed, keepFinalState: keep } = runs[i];
      const { outcome } = run;
      if (keep !== undefined && stateBytes(run) <= (keep.maxBytes ?? Infinity)) keep.save(await run.checkpoint());
      results.push({
        version: runResultVersion,
        config,
        seed,
        backend: outcome.backend,
        epochs: outcome.epochs,
        events: run.report ?? [],
        ...(outcome.diverged === undefined ? await measure(config, run, seed) : {}),
        parameters: await countParameters(run.model),
        diverged: outcome.diverged,
        wallSeconds: outcome.wallSeconds,
        examplesPerSecond: outcome.examplesPerSecond,
        resumedEpochs: outcome.resumedEpochs,
      });
    }
    return results;
  } finally {
    for (const run of trained) run.dispose();
  }
}

/**
 * A run whose training is its twin's: restores the twin's final state (no epoch is trained),
 * measures, and takes the rest of the twin's result.
 *
 * @example
 * ```ts
 * const result = await measureOnTwin({ config, seed: 4, twin, twinKey, state: store.finalStates.load(twinKey) });
 * result.twinKey === twinKey; // true
 * ```
 */
export async function measureOnTwin(options: {
  config: RunConfig;
  seed: number;
  twin: RunResult;
  twinKey: string;
  state: TrainingCheckpoint;
  progress?: ProgressSink;
  label?: string;
}): Promise<RunResult> {
  const { config, seed, twin, twinKey } = options;
  if (twin.diverged !== undefined) return { ...twin, config, twinKey };
  options.progress?.(`${options.label ?? `seed ${seed}`} is measured on its training twin's final state`);
  const run = await restoreRun({ config: config.train, seed, state: options.state });
  try {
    return { ...twin, config, ...(await measure(config, run, seed)), twinKey };
  } finally {
    run.dispose();
  }
}
