import { gaussianVariant } from './gaussianVariant.js';
import { noneVariant } from './noneVariant.js';
import { removeVariant } from './removeVariant.js';
import { scratchVariant } from './scratchVariant.js';
import type { Variant } from './variant.js';
import { zeroingRestoreVariant } from './zeroingRestoreVariant.js';
import { zeroingVariant } from './zeroingVariant.js';

/** Variants by config name; adding one is one file and one line here. */
export const variantRegistry = {
  none: noneVariant,
  remove: removeVariant,
  zeroing: zeroingVariant,
  'zeroing-restore': zeroingRestoreVariant,
  gaussian: gaussianVariant,
  scratch: scratchVariant,
} as const satisfies Record<string, Variant>;

/** A variant's config name. */
export type VariantName = keyof typeof variantRegistry;
