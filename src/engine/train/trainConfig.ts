import { datasetNames, normalizations, type DataConfig } from '../data/dataConfig.js';
import { modelRegistry, type ModelConfig } from '../models/modelRegistry.js';
import type { LearningRateSchedule } from '../optim/learningRateSchedule.js';
import type { OptimizerConfig } from '../optim/optimizer.js';
import { optimizerRegistry } from '../optim/optimizerRegistry.js';

/** Everything that defines a training run except its seed. JSON-serialisable. */
export interface TrainConfig {
  readonly data: DataConfig;
  readonly model: ModelConfig;
  readonly optimizer: OptimizerConfig;
  readonly lrSchedule?: LearningRateSchedule;
  readonly batchSize: number;
  /** Number of epochs; epochs are 0-based everywhere (epoch 0 is the first). */
  readonly epochs: number;
  /** Batch size of evaluations (default 500); does not change results. */
  readonly evalBatchSize?: number;
}

function fail(field: string, value: unknown, allowed: string): never {
  throw new Error(`${field}: ${JSON.stringify(value)} is not allowed; ${allowed}`);
}

function positiveInteger(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(field, value, 'use an integer ≥ 1');
}

/**
 * Checks a config before any work starts; every error names the field and what is allowed.
 *
 * @example
 * ```ts
 * validateTrainConfig({ ...config, optimizer: { name: 'adam', learningRate: -1 } });
 * // throws "optimizer.learningRate: -1 is not allowed; use a number > 0"
 * ```
 */
export function validateTrainConfig(config: TrainConfig): void {
  if (!(datasetNames as readonly string[]).includes(config.data?.name)) fail('data.name', config.data?.name, `allowed: ${datasetNames.join(', ')}`);
  if (config.data.normalization !== undefined && !(normalizations as readonly string[]).includes(config.data.normalization)) {
    fail('data.normalization', config.data.normalization, `allowed: ${normalizations.join(', ')}`);
  }
  if (!(config.model?.name in modelRegistry)) fail('model.name', config.model?.name, `allowed: ${Object.keys(modelRegistry).join(', ')}`);
  if (config.model.widthMultiplier !== undefined && !(config.model.widthMultiplier > 0))
    fail('model.widthMultiplier', config.model.widthMultiplier, 'use a number > 0');
  if (!(config.optimizer?.name in optimizerRegistry)) fail('optimizer.name', config.optimizer?.name, `allowed: ${Object.keys(optimizerRegistry).join(', ')}`);
  if (!(typeof config.optimizer.learningRate === 'number' && config.optimizer.learningRate > 0))
    fail('optimizer.learningRate', config.optimizer.learningRate, 'use a number > 0');
  if (config.optimizer.momentum !== undefined && !(config.optimizer.momentum >= 0 && config.optimizer.momentum < 1))
    fail('optimizer.momentum', config.optimizer.momentum, 'use a number in [0, 1)');
  if (config.optimizer.weightDecay !== undefined && !(config.optimizer.weightDecay >= 0))
    fail('optimizer.weightDecay', config.optimizer.weightDecay, 'use a number ≥ 0');
  positiveInteger('batchSize', config.batchSize);
  positiveInteger('epochs', config.epochs);
  if (config.evalBatchSize !== undefined) positiveInteger('evalBatchSize', config.evalBatchSize);
  const schedule = config.lrSchedule;
  if (schedule !== undefined) {
    if (!(schedule.gamma > 0)) fail('lrSchedule.gamma', schedule.gamma, 'use a number > 0');
    schedule.milestones.forEach((m, i) => {
      if (!Number.isInteger(m) || m < 0) fail(`lrSchedule.milestones[${i}]`, m, 'use a 0-based epoch (integer ≥ 0)');
    });
  }
}
