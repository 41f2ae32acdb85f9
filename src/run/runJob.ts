import type { RunConfig } from '../results/runConfig.js';

/** One run a claim needs. */
export interface RunRequest {
  readonly config: RunConfig;
  readonly seed: number;
  /** Shown in progress lines, e.g. `prune-L large #3`. */
  readonly label: string;
  /**
   * Train the run for this many epochs (more than `config.train.epochs`) and read the first ones
   * (src/run/truncateRun.ts): requests that differ only in their epoch count then share one run.
   */
  readonly trainEpochs?: number;
}

/**
 * One run to execute, as the planner decides it: plain JSON, executed the same way in this process
 * and in a worker process (src/run/executeJobs.ts), against the store opened from the same root.
 */
export interface RunJob extends RunRequest {
  /** The run's store key (config, seed, backend, engine version). */
  readonly key: string;
  /** Backend the scheduler resolved; a worker on another backend refuses the job. */
  readonly backend: string;
  /**
   * Share the training prefix: continue from the prefix group's longest stored checkpoint within the
   * first `epochs` epochs (≥ 1; the pruning does nothing in them) and store checkpoints after them
   * and after `alsoAfter` (epoch counts other runs of the prefix group continue from).
   */
  readonly prefix?: { readonly epochs: number; readonly alsoAfter: readonly number[] };
  /** Keep the final training state when it is at most `maxBytes` (no limit when absent): measured runs of the same training restore it. */
  readonly keepFinalState?: { readonly maxBytes?: number };
  /** Only measure, on the kept final state of the training twin with this key (train when that state is missing). */
  readonly twinKey?: string;
}
