import { deriveSeed } from '../../primitives/seededRandom.js';
import { addFilterNoise, filterStd } from '../filterOps.js';
import { allFilters, type Variant } from './variant.js';

/**
 * `gaussian` (noise injection): nothing is removed. The selected filters' conv weights receive
 * N(0, σ) in place at the event (so `t_post` measures its effect) and before each training batch
 * of the window; σ is the weight standard deviation of an untargeted filter of the same layer,
 * drawn at random (seeded) and recomputed on every injection.
 */
export const gaussianVariant: Variant = {
  description: 'noise injection: N(0, σ) added in place to the selected filters at the event and on every training pass of a window',
  hasEvents: true,
  needsWindow: true,
  candidates: allFilters,
  async apply(layer, selected, runtime) {
    const { unit } = layer;
    const targeted = new Set(selected);
    const untargeted = allFilters(layer).filter((f) => !targeted.has(f) && !layer.removed.has(f));
    let injections = 0;
    const inject = async () => {
      const reference = untargeted[runtime.rng.int(untargeted.length)];
      const sigma = reference === undefined ? 0 : await filterStd(unit, reference);
      addFilterNoise(unit, selected, sigma, deriveSeed(runtime.seed, `noise:${injections}`));
      injections += 1;
    };
    for (const f of selected) layer.selectedSoFar.add(f);
    await inject();
    runtime.openWindow({ batches: runtime.window, beforeBatch: inject, release: () => undefined });
  },
};
