import { buildRun, type BuiltRun } from './buildRun.js';
import type { TrainConfig } from './trainConfig.js';
import { restoreCheckpoint, type TrainingCheckpoint } from './trainingCheckpoint.js';

/**
 * A run put back in a stored training state without training: its data, model and optimizer built
 * from `config` and `seed`, then every variable restored from `state` (bit for bit). For measuring a
 * finished run again (e.g. flatness on a training twin's final state).
 *
 * @example
 * ```ts
 * const run = await restoreRun({ config, seed: 4, state: store.finalStates.load(twinKey) });
 * await measureFlatness({ model: run.model, data: run.data, config: flatness, seed: 4 });
 * run.dispose();
 * ```
 */
export async function restoreRun(options: { config: TrainConfig; seed: number; state: TrainingCheckpoint }): Promise<BuiltRun> {
  const { state } = options;
  if (state.epochsDone > options.config.epochs)
    throw new Error(`state: it holds ${state.epochsDone} epochs but the run has ${options.config.epochs}; restore a state at most the run's length`);
  const run = await buildRun(options);
  restoreCheckpoint(state, run.model, run.optimizer);
  return run;
}
