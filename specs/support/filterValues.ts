import type { ConvBnUnit } from '../../src/engine/models/convBnUnit.js';

/** The values of one filter: its conv weights (all of `[k, k, in]`), γ, β, running mean and variance. */
export function filterValues(unit: ConvBnUnit, filter: number): number[] {
  const out = unit.outChannels;
  const kernel = [...unit.kernel.dataSync()].filter((_, i) => i % out === filter);
  return [...kernel, unit.gamma.dataSync()[filter], unit.beta.dataSync()[filter], unit.runningMean.dataSync()[filter], unit.runningVar.dataSync()[filter]];
}

/** Conv weights of one filter. */
export function filterWeights(unit: ConvBnUnit, filter: number): number[] {
  const out = unit.outChannels;
  return [...unit.kernel.dataSync()].filter((_, i) => i % out === filter);
}
