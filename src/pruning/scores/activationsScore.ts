import type { FilterScore } from './filterScore.js';

/**
 * `activations` (the paper's ResNet18 score): the running average of each channel's summed
 * |activation|, maintained by {@link ActivationTracker} during training.
 */
export const activationsScore: FilterScore = async ({ unit, activations }) => {
  if (activations === undefined) throw new Error(`score 'activations' on ${unit.name}: no activation statistics were tracked for this layer`);
  return Float64Array.from(activations);
};
