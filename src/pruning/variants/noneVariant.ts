import type { Variant } from './variant.js';

/** `none`: the unpruned baseline. */
export const noneVariant: Variant = {
  description: 'no pruning',
  hasEvents: false,
  needsWindow: false,
  candidates: () => [],
  apply: () => undefined,
};
