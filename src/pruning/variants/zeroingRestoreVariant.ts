import type { ConvBnUnit } from '../../engine/models/convBnUnit.js';
import { overlaySnapshot, restoreFilters, setMask, snapshotFilters, zeroFilters, type FilterSnapshot } from '../filterOps.js';
import { allFilters, type Variant } from './variant.js';

/** A layer's running restore window: what to put back, and where. */
interface HeldRestore {
  readonly snapshot: FilterSnapshot;
  readonly indices: readonly number[];
  superseded: boolean;
}

const held = new WeakMap<ConvBnUnit, HeldRestore>();

/**
 * `zeroing-restore`: at each event every filter selected so far is zeroed together with its BN
 * γ/β and masked for `window` batches, then restored exactly (weights, γ, β, running mean and
 * variance, bit for bit). When an event falls inside a running window, the filters still held keep
 * the values stored before their zeroing, and their hold extends to the new window.
 */
export const zeroingRestoreVariant: Variant = {
  description: 'zeroing-restore: all filters selected so far zeroed (with BN γ/β) for a window, then restored exactly',
  hasEvents: true,
  needsWindow: true,
  candidates: (layer) => allFilters(layer).filter((f) => !layer.selectedSoFar.has(f)),
  async apply(layer, selected, runtime) {
    const { unit } = layer;
    for (const f of selected) layer.selectedSoFar.add(f);
    const indices = [...layer.selectedSoFar].sort((a, b) => a - b);
    let snapshot = snapshotFilters(unit);
    const previous = held.get(unit);
    if (previous !== undefined) {
      const merged = overlaySnapshot(snapshot, previous.snapshot, previous.indices);
      snapshot.dispose();
      previous.snapshot.dispose();
      previous.superseded = true;
      snapshot = merged;
    }
    await setMask(unit, indices, 0);
    zeroFilters(unit, indices, { optimizer: runtime.optimizer, withBn: true });
    const current: HeldRestore = { snapshot, indices, superseded: false };
    held.set(unit, current);
    runtime.openWindow({
      batches: runtime.window,
      release: async () => {
        if (current.superseded) return;
        restoreFilters(current.snapshot, current.indices);
        await setMask(unit, current.indices, 1);
        current.snapshot.dispose();
        held.delete(unit);
      },
    });
  },
};
