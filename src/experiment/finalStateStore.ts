import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCheckpoint, encodeCheckpoint, type PrefixCheckpoints, type TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';
import { writeFileAtomic } from './atomicFile.js';
import type { RunConfig } from './runConfig.js';

/** The run whose training a measured run repeats: the same config without the flatness measurement. */
export function trainingTwin(config: RunConfig): RunConfig {
  return { train: config.train, pruning: config.pruning };
}

/**
 * Final training states of runs, `<dir>/<run key>.ckpt` (written atomically, the prefix
 * checkpoints' binary layout): a run with a flatness measurement trains exactly as its
 * {@link trainingTwin}, so when the twin's final state is kept the measured run loads it and only
 * measures (bit-identical to training it again, tested). A state holds the model's variables and
 * the optimizer's (three floats a parameter with Adam: 0.3 MB for the `mini` net, 110 MB for VGG11).
 *
 * @example
 * ```ts
 * const states = new FinalStateStore(join(store.dir, 'final'));
 * states.save(runKey({ config: trainingTwin(config), seed, backend }), trained.checkpoint());
 * ```
 */
export class FinalStateStore {
  constructor(readonly dir: string) {}

  path(key: string): string {
    return join(this.dir, `${key}.ckpt`);
  }

  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  save(key: string, state: TrainingCheckpoint): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.path(key), encodeCheckpoint(state));
  }

  /** The state stored under `key`; throws naming the file when it is not a readable checkpoint. */
  load(key: string): TrainingCheckpoint {
    const path = this.path(key);
    return decodeCheckpoint(readFileSync(path), path);
  }
}

/** A single stored state as the engine's checkpoint source: training continues from it (here: after its last epoch). */
export function fromState(state: TrainingCheckpoint): PrefixCheckpoints {
  return {
    latest: (maxEpochs) => (state.epochsDone <= maxEpochs ? state : undefined),
    has: () => true,
    save: () => undefined,
  };
}
