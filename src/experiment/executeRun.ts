import { initBackend } from '../engine/backend/initBackend.js';
import type { ConvNet } from '../engine/models/convNet.js';
import type { ProgressSink } from '../engine/train/progress.js';
import { trainRun } from '../engine/train/trainRun.js';
import { measureFlatness } from '../metrics/flatness/measureFlatness.js';
import { summarizeRun } from '../metrics/runSummary.js';
import { inertEpochs } from '../pruning/inertEpochs.js';
import { createPruning } from '../pruning/pruningController.js';
import type { PrefixCheckpointStore } from './prefixCheckpointStore.js';
import type { RunConfig } from './runConfig.js';
import { runResultVersion, type RunResult } from './runResult.js';

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
 * Trains and measures one run: the engine with the pruning hooks, then the summary and (when
 * configured) flatness at the end of training. The model is disposed before returning.
 *
 * @example
 * ```ts
 * const result = await executeRun({ config, seed: 3 });
 * result.summary.meanStability; // e.g. 81.2
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
}): Promise<RunResult> {
  const { config, seed, checkpoints } = options;
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
    const flatnessStart = performance.now();
    const flatness =
      config.flatness !== undefined && outcome.diverged === undefined
        ? measureFlatness({ model: run.model, data: run.data, config: config.flatness, seed })
        : undefined;
    const flatnessSeconds = flatness === undefined ? undefined : (performance.now() - flatnessStart) / 1000;
    return {
      version: runResultVersion,
      config,
      seed,
      backend: outcome.backend,
      epochs: outcome.epochs,
      events: pruning.events,
      summary: outcome.epochs.length > 0 ? summarizeRun(outcome.epochs, pruning.events) : undefined,
      flatness,
      parameters: countParameters(run.model),
      diverged: outcome.diverged,
      wallSeconds: outcome.wallSeconds,
      examplesPerSecond: outcome.examplesPerSecond,
      resumedEpochs: outcome.resumedEpochs,
      flatnessSeconds,
    };
  } finally {
    run.dispose();
  }
}
