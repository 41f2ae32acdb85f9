import type { BackendInfo } from '../backend/initBackend.js';
import type { BuiltRun } from './buildRun.js';
import type { Divergence, EpochLog } from './epochLog.js';
import type { TrainingCheckpoint } from './trainingCheckpoint.js';

/** What the training loop measured. */
export interface TrainOutcome {
  readonly seed: number;
  readonly backend: BackendInfo;
  readonly epochs: readonly EpochLog[];
  readonly diverged?: Divergence;
  readonly wallSeconds: number;
  /** Training examples per second over the run (training batches only; seeds trained together share their time). */
  readonly examplesPerSecond: number;
  /** Epochs restored from the `start` state instead of being trained by this call. */
  readonly resumedEpochs?: number;
}

/** A finished run with its model still alive (for flatness and inspection); call `dispose()`. */
export interface TrainedRun<Report = void> extends BuiltRun {
  readonly outcome: TrainOutcome;
  /** What the hooks reported when training ended (`TrainingHooks.report`; e.g. pruning's events). */
  readonly report: Report | undefined;
  /** The training state at the end, as a checkpoint (a later measurement may continue from it). */
  checkpoint(): Promise<TrainingCheckpoint>;
}
