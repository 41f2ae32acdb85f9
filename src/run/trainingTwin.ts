import type { RunConfig } from '../results/runConfig.js';

/**
 * A run's training twin: the same run without the flatness measurement. A measured run trains
 * exactly as its twin, so the planner schedules the twin (which keeps its final state) and the
 * measured run only restores that state and measures; its result names the twin's key.
 *
 * @example
 * ```ts
 * trainingTwin({ train, pruning, flatness }); // { train, pruning }
 * ```
 */
export function trainingTwin(config: RunConfig): RunConfig {
  return { train: config.train, pruning: config.pruning };
}
