import type { EpochEvaluation, TrainingHooks } from './trainingHooks.js';

/**
 * Runs several hook sets as one, in order. `afterEpoch` results chain: each hook sees the
 * evaluation returned by the one before.
 *
 * @example
 * ```ts
 * trainRun({ config, seed, hooks: composeHooks(pruning.hooks, { afterEpoch: (c, e) => void log(e) }) });
 * ```
 */
export function composeHooks(...sets: readonly TrainingHooks[]): TrainingHooks {
  return {
    beforeTraining: (c) => sets.forEach((s) => s.beforeTraining?.(c)),
    beforeBatch: (c) => sets.forEach((s) => s.beforeBatch?.(c)),
    afterBatch: (c) => sets.forEach((s) => s.afterBatch?.(c)),
    observe: (u, o, c) => sets.forEach((s) => s.observe?.(u, o, c)),
    afterEpoch(c, evaluation) {
      let current: EpochEvaluation = evaluation;
      for (const s of sets) current = s.afterEpoch?.(c, current) ?? current;
      return current;
    },
  };
}
