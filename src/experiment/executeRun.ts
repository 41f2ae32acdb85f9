import { initBackend } from '../engine/backend/initBackend.js';
import type { ConvNet } from '../engine/models/convNet.js';
import type { ProgressSink } from '../engine/train/progress.js';
import { trainRun, type TrainedRun } from '../engine/train/trainRun.js';
import { measureFlatness } from '../metrics/flatness/measureFlatness.js';
import { inertEpochs } from '../pruning/inertEpochs.js';
import { createPruning } from '../pruning/pruningController.js';
import { fromState, type FinalStateStore } from './finalStateStore.js';
import type { PrefixCheckpointStore } from './prefixCheckpointStore.js';
import type { RunConfig } from './runConfig.js';
import { runResultVersion, type RunResult } from './runResult.js';

/** Flatness of a trained run when its config asks for it (not for a diverged run). */
function measure(config: RunConfig, run: TrainedRun, seed: number): Pick<RunResult, 'flatness' | 'flatnessSeconds'> {
  if (config.flatness === undefined || run.outcome.diverged !== undefined) return {};
  const start = performance.now();
  const flatness = measureFlatness({ model: run.model, data: run.data, config: config.flatness, seed });
  return { flatness, flatnessSeconds: (performance.now() - start) / 1000 };
}

/** A run whose training is its twin's: load the twin's final state, measure, and take the rest of the twin's result. */
async function measureAfterTwin(
  config: RunConfig,
  seed: number,
  from: { store: FinalStateStore; key: string; twin: RunResult },
  show: { progress?: ProgressSink; label?: string },
): Promise<RunResult> {
  if (from.twin.diverged !== undefined) return { ...from.twin, config, measuredOnRun: from.key };
  const prefix = { checkpoints: fromState(from.store.load(from.key)), inertEpochs: Infinity };
  const run = await trainRun({ config: config.train, seed, progress: show.progress, label: show.label, prefix });
  try {
    return { ...from.twin, config, ...measure(config, run, seed), measuredOnRun: from.key };
  } finally {
    run.dispose();
  }
}

/** Size of a run's final state in float32 (model and optimizer variables), without reading them. */
function stateBytes(run: TrainedRun): number {
  const variables = [...run.model.namedVariables().map(([, v]) => v), ...run.optimizer.stateVariables()];
  return 4 * variables.reduce((n, v) => n + v.size, 0);
}

function countParameters(model: ConvNet): { remaining: number; total: number } {
  let remaining = 0;
  let total = 0;
  for (const v of model.trainableVariables()) {
    const data = v.dataSync();
    total += data.length;
    for (let i = 0; i < data.length; i++) if (data[i] !== 0) remaining += 1;
  }
  return { remaining, total };
}

/**
 * Trains and measures one run: the engine with the pruning hooks, its epoch log and events, and
 * (when configured) flatness at the end of training. The model is disposed before returning.
 *
 * @example
 * ```ts
 * const result = await executeRun({ config, seed: 3 });
 * meanStability(result.events.map((e) => e.stability)); // e.g. 81.2
 * ```
 */
export async function executeRun(options: {
  config: RunConfig;
  seed: number;
  progress?: ProgressSink;
  label?: string;
  checkpoints?: PrefixCheckpointStore;
  /** Epoch counts after which other runs of the same prefix family continue (the scheduler knows them). */
  prefixPoints?: readonly number[];
  /** Keep the final training state under `key` (this run's key), if at most `maxBytes`: measured runs of the same training continue from it. */
  keepFinalState?: { store: FinalStateStore; key: string; maxBytes?: number };
  /** Do not train: the run repeats `twin`'s training, whose final state `store` holds under `key`; only measure. */
  measureAfter?: { store: FinalStateStore; key: string; twin: RunResult };
}): Promise<RunResult> {
  const { config, seed, checkpoints } = options;
  if (options.measureAfter !== undefined) return measureAfterTwin(config, seed, options.measureAfter, options);
  const pruning = createPruning(config.pruning, { seed });
  const prefix =
    checkpoints === undefined
      ? undefined
      : {
          checkpoints: checkpoints.checkpoints({ train: config.train, seed, backend: (await initBackend()).name }),
          inertEpochs: inertEpochs(config.pruning),
          saveAlsoAfter: options.prefixPoints,
        };
  const run = await trainRun({ config: config.train, seed, hooks: pruning.hooks, progress: options.progress, label: options.label, prefix });
  try {
    const { outcome } = run;
    const keep = options.keepFinalState;
    if (keep !== undefined && stateBytes(run) <= (keep.maxBytes ?? Infinity)) keep.store.save(keep.key, run.checkpoint());
    return {
      version: runResultVersion,
      config,
      seed,
      backend: outcome.backend,
      epochs: outcome.epochs,
      events: pruning.events,
      ...measure(config, run, seed),
      parameters: countParameters(run.model),
      diverged: outcome.diverged,
      wallSeconds: outcome.wallSeconds,
      examplesPerSecond: outcome.examplesPerSecond,
      resumedEpochs: outcome.resumedEpochs,
    };
  } finally {
    run.dispose();
  }
}
