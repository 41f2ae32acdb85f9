import type { ConvBnUnit } from '../../engine/models/convBnUnit.js';
import type { Optimizer } from '../../engine/optim/optimizer.js';
import type { SeededRandom } from '../../primitives/seededRandom.js';
import type { ScheduledEvent } from '../schedule.js';

/** The pruning state of one scheduled layer during a run. */
export interface PrunedLayer {
  readonly unit: ConvBnUnit;
  readonly events: readonly ScheduledEvent[];
  /** Filters removed for good (`remove`, `scratch`). */
  readonly removed: Set<number>;
  /** Filters selected at any event so far. */
  readonly selectedSoFar: Set<number>;
}

/** A perturbation that lasts a number of training batches, then is released. */
export interface PerturbationWindow {
  readonly batches: number;
  /** Before each training batch of the window (e.g. noise injection). */
  readonly beforeBatch?: () => void | Promise<void>;
  /** When the window ends (e.g. release or restore the filters). */
  readonly release: () => void | Promise<void>;
}

/** What a variant may use. */
export interface VariantRuntime {
  readonly optimizer: Optimizer;
  /** Seed for this event's randomness (derived from the run seed, the layer and the step). */
  readonly seed: number;
  readonly rng: SeededRandom;
  /** The configured window in training batches (variants that need one). */
  readonly window: number;
  /** Starts a window now; it ends after `batches` training batches. */
  openWindow(window: PerturbationWindow): void;
}

/**
 * What happens to the filters a selection picked. Adding a variant is one file and one registry
 * line.
 */
export interface Variant {
  /** One line for reports. */
  readonly description: string;
  /** Whether the variant acts at scheduled events during training (`none` and `scratch` do not). */
  readonly hasEvents: boolean;
  /** Whether `window` must be configured. */
  readonly needsWindow: boolean;
  /** Filters that may be selected at an event. */
  candidates(layer: PrunedLayer): number[];
  /** Acts on the selected filters at an event (before `t_post` is measured). */
  apply(layer: PrunedLayer, selected: readonly number[], runtime: VariantRuntime): void | Promise<void>;
  /** Before training starts: `select(layer, count)` picks filters with the configured score and selection. */
  start?(layers: readonly PrunedLayer[], runtime: VariantRuntime, select: (layer: PrunedLayer, count: number) => Promise<number[]>): Promise<void>;
}

/** All filter indices of a layer. */
export function allFilters(layer: PrunedLayer): number[] {
  return Array.from({ length: layer.unit.outChannels }, (_, i) => i);
}
