import { setMask, zeroFilters } from '../filterOps.js';
import { allFilters, type Variant } from './variant.js';

/**
 * `zeroing` (prune-resume): at each event the selected filters' conv weights (and optimizer state)
 * are zeroed and their output masked for `window` training batches; then they are released and
 * train freely again from zero (they can regrow). Nothing is removed. BN γ/β are kept, so a
 * released channel first outputs its β; it regrows where the following ReLU passes gradient (β > 0).
 */
export const zeroingVariant: Variant = {
  description: 'prune-resume: selected filters zeroed and held for a window of batches, then released to regrow',
  hasEvents: true,
  needsWindow: true,
  candidates: allFilters,
  async apply(layer, selected, runtime) {
    await setMask(layer.unit, selected, 0);
    zeroFilters(layer.unit, selected, { optimizer: runtime.optimizer, withBn: false });
    for (const f of selected) layer.selectedSoFar.add(f);
    runtime.openWindow({ batches: runtime.window, release: () => setMask(layer.unit, selected, 1) });
  },
};
