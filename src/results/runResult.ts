import type { BackendInfo } from '../engine/backend/initBackend.js';
import type { Divergence, EpochLog } from '../engine/train/epochLog.js';
import type { FlatnessResult } from '../flatness/measureFlatness.js';
import type { PruningEventLog } from '../pruning/pruningEventLog.js';
import type { RunConfig } from './runConfig.js';

/** Version of the {@link RunResult} layout; bumped when fields change meaning. */
export const runResultVersion = 2;

/**
 * Everything one run measured: typed, JSON-serialisable, stored by the experiment store.
 * Accuracies are fractions in [0, 1]; stabilities are percent; epochs are 0-based. Readings (best
 * accuracy, gaps) are not stored: they depend on the epoch window of the comparison, so claims compute
 * them from `epochs` and `events` (src/readings/runMetrics.ts).
 */
export interface RunResult {
  readonly version: typeof runResultVersion;
  readonly config: RunConfig;
  readonly seed: number;
  readonly backend: BackendInfo;
  /** Per-epoch log (train/test accuracy and loss, validation accuracy, learning rate, seconds). */
  readonly epochs: readonly EpochLog[];
  /** Per-event epoch, layers and filters, `tPre`, `tPost`, instability, stability. */
  readonly events: readonly PruningEventLog[];
  readonly flatness?: FlatnessResult;
  /** Non-zero trainable parameters at the end, and all trainable parameters. */
  readonly parameters: { readonly remaining: number; readonly total: number };
  /** Present when the loss became NaN/Inf; the run is then excluded from statistics. */
  readonly diverged?: Divergence;
  /** Wall-clock seconds this run's own training took (without a shared prefix it continued from). */
  readonly wallSeconds: number;
  readonly examplesPerSecond: number;
  /** Wall-clock seconds of the flatness measurement after training, when configured. */
  readonly flatnessSeconds?: number;
  /** Epochs continued from a stored training state (bit-identical to training them again). */
  readonly resumedEpochs?: number;
  /**
   * Present when this run's training was not repeated: the key of its training twin (the same run
   * without the measurement, src/run/trainingTwin.ts), whose kept final state it was measured on.
   */
  readonly twinKey?: string;
  /** Present when this run was read from a longer run of the same config (src/run/truncateRun.ts): that run's epoch count. */
  readonly readFrom?: { readonly epochs: number };
}
