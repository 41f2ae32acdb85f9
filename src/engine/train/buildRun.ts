import { initBackend, type BackendInfo } from '../backend/initBackend.js';
import { loadDataset } from '../data/loadDataset.js';
import { prepareData, type PreparedData } from '../data/preparedData.js';
import type { ConvNet } from '../models/convNet.js';
import { buildModel } from '../models/modelRegistry.js';
import type { Optimizer } from '../optim/optimizer.js';
import { createOptimizer } from '../optim/optimizerRegistry.js';
import { validateTrainConfig, type TrainConfig } from './trainConfig.js';

/** A run's data, model and optimizer as its config and seed define them, before any training; call `dispose()`. */
export interface BuiltRun {
  readonly model: ConvNet;
  readonly optimizer: Optimizer;
  readonly data: PreparedData;
  dispose(): void;
}

/**
 * Builds what a run of `config` and `seed` trains: the data (seeded subset, noise, split), the model
 * (seeded init) and the optimizer, on the backend of this process.
 *
 * @example
 * ```ts
 * const { backend, model } = await buildRun({ config, seed: 1 });
 * ```
 */
export async function buildRun(options: { config: TrainConfig; seed: number }): Promise<BuiltRun & { backend: BackendInfo }> {
  const { config, seed } = options;
  validateTrainConfig(config);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed: ${seed} is not allowed; use an integer ≥ 0`);
  const backend = await initBackend();
  const dataset = await loadDataset({ name: config.data.name, cifarRecordsPerFile: config.data.cifarRecordsPerFile });
  const data = prepareData(dataset, config.data, seed);
  const model = buildModel(config.model, { inputShape: data.shape, numClasses: data.numClasses, seed });
  const optimizer = createOptimizer(model.trainableVariables(), config.optimizer);
  return {
    backend,
    data,
    model,
    optimizer,
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
}
