import { paperArms } from '../claims/paperArms.js';
import { miniV1Profile } from '../claims/profiles/miniProfile.js';
import { executeRun } from '../run/executeRun.js';
import type { RunConfig } from '../run/runConfig.js';
import { runReplica } from './pytorchReplica.js';

/**
 * The end-to-end unit of the bench: one `mini` protocol run of Prune_L 13% (20 epochs with every
 * evaluation and pruning event) from its first epoch, without the shared prefix the suite would give it.
 */
export const endToEndRun: { readonly arm: string; readonly config: RunConfig } = {
  arm: paperArms.pruneLLarge.label,
  config: miniV1Profile.runConfig(paperArms.pruneLLarge),
};

/**
 * Engine side, inside one bench worker process: trains the run once untimed (V8's optimizing tier
 * compiles during a process's first seconds; the suite's workers live across runs), then once per
 * seed, and returns each timed run's own wall-clock seconds (training, evaluations and events).
 */
export async function engineRunSeconds(seeds: readonly number[]): Promise<number[]> {
  await executeRun({ config: endToEndRun.config, seed: 9999 });
  const seconds: number[] = [];
  for (const seed of seeds) seconds.push((await executeRun({ config: endToEndRun.config, seed })).wallSeconds);
  return seconds;
}

/** PyTorch side: the same runs in the replica on one thread, one process each; each run's own wall-clock seconds. */
export async function replicaRunSeconds(python: string, seeds: readonly number[]): Promise<number[]> {
  const seconds: number[] = [];
  for (const seed of seeds) seconds.push((await runReplica(python, { config: endToEndRun.config, seed, threads: 1 })).wallSeconds);
  return seconds;
}

/** Runs per core-minute from per-run seconds on one core each. */
export function runsPerCoreMinute(seconds: readonly number[]): number {
  return (60 * seconds.length) / seconds.reduce((a, b) => a + b, 0);
}
