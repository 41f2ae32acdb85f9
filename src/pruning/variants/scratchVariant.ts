import { removeFilters } from './removeVariant.js';
import { allFilters, type Variant } from './variant.js';

/** `scratch`: every layer at its final kept count before training starts; no events (stability 100). */
export const scratchVariant: Variant = {
  description: 'scratch: the final pruned architecture from epoch 0 (filters chosen at initialisation), no pruning events',
  hasEvents: false,
  needsWindow: false,
  candidates: allFilters,
  apply: () => undefined,
  async start(layers, runtime, select) {
    for (const layer of layers) {
      const count = layer.unit.outChannels - (layer.events.at(-1)?.keep ?? layer.unit.outChannels);
      await removeFilters(layer, await select(layer, count), runtime);
    }
  },
};
