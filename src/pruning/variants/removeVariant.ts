import { setMask, zeroFilters } from '../filterOps.js';
import { allFilters, type PrunedLayer, type Variant, type VariantRuntime } from './variant.js';

/** Removes filters for good: mask 0, weights, γ, β and their optimizer state zeroed. */
export async function removeFilters(layer: PrunedLayer, selected: readonly number[], runtime: VariantRuntime): Promise<void> {
  await setMask(layer.unit, selected, 0);
  zeroFilters(layer.unit, selected, { optimizer: runtime.optimizer, withBn: true });
  for (const f of selected) {
    layer.removed.add(f);
    layer.selectedSoFar.add(f);
  }
}

/** `remove`: the paper's pruning. */
export const removeVariant: Variant = {
  description: 'prune: selected filters are removed for good (weights, BN γ/β and optimizer state zeroed, output masked)',
  hasEvents: true,
  needsWindow: false,
  candidates: (layer) => allFilters(layer).filter((f) => !layer.removed.has(f)),
  apply: removeFilters,
};
