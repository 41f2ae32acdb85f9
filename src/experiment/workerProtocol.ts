import type { RunConfig } from './runConfig.js';
import type { RunResult } from './runResult.js';

/** Parent → worker: train this run. */
export interface WorkerRequest {
  readonly id: number;
  readonly config: RunConfig;
  readonly seed: number;
  readonly label: string;
  /** Folder of shared-prefix checkpoints, when the scheduler uses them. */
  readonly checkpointDir?: string;
  /** Epoch counts after which other runs of this run's prefix family continue. */
  readonly prefixPoints?: readonly number[];
}

/** Worker → parent: a progress line, the result, or an error. */
export type WorkerReply =
  | { readonly id: number; readonly progress: string }
  | { readonly id: number; readonly result: RunResult }
  | { readonly id: number; readonly error: string };
