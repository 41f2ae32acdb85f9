import type { Variable } from '../tf.js';
import { createAdam } from './adam.js';
import type { Optimizer, OptimizerConfig } from './optimizer.js';
import { createSgd } from './sgd.js';

/** Optimizers by config name; adding one is one file and one line here. */
export const optimizerRegistry: Readonly<Record<OptimizerConfig['name'], (variables: readonly Variable[], config: OptimizerConfig) => Optimizer>> = {
  adam: createAdam,
  sgd: createSgd,
};

/** Creates the optimizer a config names. */
export function createOptimizer(variables: readonly Variable[], config: OptimizerConfig): Optimizer {
  const factory = optimizerRegistry[config.name];
  if (factory === undefined) {
    throw new Error(`optimizer.name: '${String(config.name)}' is unknown; allowed: ${Object.keys(optimizerRegistry).join(', ')}`);
  }
  return factory(variables, config);
}
