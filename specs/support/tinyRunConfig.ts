import type { RunConfig } from '../../src/results/runConfig.js';
import { noPruning } from '../../src/pruning/pruningConfig.js';
import { tinyTrainConfig } from './tinyTrainConfig.js';

/** A run small enough for store and scheduler tests (one epoch on 320 images). */
export const tinyRunConfig: RunConfig = {
  train: { ...tinyTrainConfig, data: { ...tinyTrainConfig.data, trainSize: 320, testSize: 200 }, epochs: 1 },
  pruning: noPruning,
};
