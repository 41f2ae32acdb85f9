import type { TrainConfig } from '../engine/train/trainConfig.js';
import type { FlatnessConfig } from '../flatness/measureFlatness.js';
import type { PruningConfig } from '../pruning/pruningConfig.js';

/** Everything that defines one run except its seed: training, pruning and what to measure. JSON-serialisable. */
export interface RunConfig {
  readonly train: TrainConfig;
  readonly pruning: PruningConfig;
  /** Flatness at the end of training (omit to skip; it costs many gradient evaluations). */
  readonly flatness?: FlatnessConfig;
}
