import type { EpochEvaluation, TrainingHooks } from './trainingHooks.js';

/**
 * Runs several hook sets as one, in order (each awaited before the next). `afterEpoch` results chain: each hook sees the
 * evaluation returned by the one before; the first set's `report` is the whole's.
 *
 * @example
 * ```ts
 * trainRun({ config, seed, hooks: composeHooks(pruning.hooks, { afterEpoch: (c, e) => void log(e) }) });
 * ```
 */
export function composeHooks<Report>(first: TrainingHooks<Report>, ...rest: readonly TrainingHooks<unknown>[]): TrainingHooks<Report> {
  const sets: readonly TrainingHooks<unknown>[] = [first, ...rest];
  return {
    async beforeTraining(c) {
      for (const s of sets) await s.beforeTraining?.(c);
    },
    async beforeBatch(c) {
      for (const s of sets) await s.beforeBatch?.(c);
    },
    async afterBatch(c) {
      for (const s of sets) await s.afterBatch?.(c);
    },
    usesModel: (moment) => sets.some((s) => s[moment] !== undefined && (s.usesModel?.(moment) ?? true)),
    observe: sets.some((s) => s.observe !== undefined) ? (u, o, c) => sets.forEach((s) => s.observe?.(u, o, c)) : undefined,
    async afterEpoch(c, evaluation) {
      let current: EpochEvaluation = evaluation;
      for (const s of sets) current = (await s.afterEpoch?.(c, current)) ?? current;
      return current;
    },
    report: first.report,
  };
}
