import { paperArms } from '../claims/dsl/paperArms.js';
import { miniProfile } from '../claims/profiles/miniProfile.js';
import { miniV1Profile } from '../claims/profiles/miniV1Profile.js';
import { executeRun } from '../run/executeRun.js';
import type { RunConfig } from '../results/runConfig.js';
import { runReplica } from './pytorchReplica.js';

/**
 * The end-to-end units of the bench: one run of Prune_L 13% (20 epochs with every evaluation and
 * pruning event) from its first epoch, without the shared prefix the suite would give it, at the
 * first `mini` protocol (width 0.5) and at the current one (width 1).
 */
export const endToEndRuns = {
  'mini-v1': { arm: paperArms.pruneLLarge.label, config: miniV1Profile.runConfig(paperArms.pruneLLarge) },
  mini: { arm: paperArms.pruneLLarge.label, config: miniProfile.runConfig(paperArms.pruneLLarge) },
} as const satisfies Record<string, { readonly arm: string; readonly config: RunConfig }>;

export type EndToEndProtocol = keyof typeof endToEndRuns;

/** The protocol named by a bench worker's argument, or an error naming the allowed ones. */
export function endToEndProtocol(name: string | undefined): EndToEndProtocol {
  if (name !== undefined && Object.hasOwn(endToEndRuns, name)) return name as EndToEndProtocol;
  throw new Error(`end-to-end protocol '${name}' is unknown; allowed: ${Object.keys(endToEndRuns).join(', ')}`);
}

/**
 * Engine side, inside one bench worker process: trains the run once untimed (V8's optimizing tier
 * compiles during a process's first seconds; the suite's workers live across runs), then once per
 * seed, and returns each timed run's own wall-clock seconds (training, evaluations and events).
 */
export async function engineRunSeconds(protocol: EndToEndProtocol, seeds: readonly number[]): Promise<number[]> {
  const { config } = endToEndRuns[protocol];
  await executeRun({ config, seed: 9999 });
  const seconds: number[] = [];
  for (const seed of seeds) seconds.push((await executeRun({ config, seed })).wallSeconds);
  return seconds;
}

/** PyTorch side: the same runs in the replica on one thread, one process each; each run's own wall-clock seconds. */
export async function replicaRunSeconds(python: string, protocol: EndToEndProtocol, seeds: readonly number[]): Promise<number[]> {
  const { config } = endToEndRuns[protocol];
  const seconds: number[] = [];
  for (const seed of seeds) seconds.push((await runReplica(python, { config, seed, threads: 1 })).wallSeconds);
  return seconds;
}

/** Runs per core-minute from per-run seconds on one core each. */
export function runsPerCoreMinute(seconds: readonly number[]): number {
  return (60 * seconds.length) / seconds.reduce((a, b) => a + b, 0);
}
