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
  /** Keep the final training state in this folder under this key. */
  readonly keepFinalState?: { readonly dir: string; readonly key: string; readonly maxBytes?: number };
  /** Only measure, on the final state of `twin` stored in this folder under this key. */
  readonly measureAfter?: { readonly dir: string; readonly key: string; readonly twin: RunResult };
}

/** Worker → parent: a progress line, the result, or an error. */
export type WorkerReply =
  | { readonly id: number; readonly progress: string }
  | { readonly id: number; readonly result: RunResult }
  | { readonly id: number; readonly error: string };
