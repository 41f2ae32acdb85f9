import type { LayerSchedule } from './schedule.js';
import type { ScoreName } from './scores/scoreRegistry.js';
import type { SelectionName } from './selections.js';
import type { VariantName } from './variants/variantRegistry.js';

/**
 * How a run prunes (or perturbs) filters during training. `variant` says what happens to the
 * selected filters; `score` and `selection` say which are selected. JSON-serialisable.
 */
export interface PruningConfig {
  /** A key of the variant registry. */
  readonly variant: VariantName;
  /** Pruned layers and their schedules (ignored by `none`). */
  readonly layers: readonly LayerSchedule[];
  /** Epochs between events (the paper's `r`), unless a layer sets its own. */
  readonly interval: number;
  /** A key of the score registry. */
  readonly score: ScoreName;
  /** A key of the selection registry: `smallest` (Prune_S), `largest` (Prune_L), `random` (Prune_R). */
  readonly selection: SelectionName;
  /**
   * Training batches a perturbation lasts (`zeroing`, `zeroing-restore`, `gaussian`); the paper's
   * windows are 1, 50, 1105 (zeroing) and 89–2480 (restore) batches.
   */
  readonly window?: number;
}

/** The unpruned baseline. */
export const noPruning: PruningConfig = { variant: 'none', layers: [], interval: 1, score: 'l2', selection: 'smallest' };
