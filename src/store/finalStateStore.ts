import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import { encodeCheckpoint } from './checkpointCodec.js';
import { readCheckpointFile } from './checkpointFile.js';

/**
 * Final training states of runs, `<dir>/<run key>.ckpt` (written atomically, the checkpoint codec's
 * layout): a run with a flatness measurement trains exactly as its training twin (src/run/trainingTwin.ts),
 * so when the twin's final state is kept the measured run restores it and only measures
 * (bit-identical to training it again, tested). A state holds the model's variables and the
 * optimizer's (three floats a parameter with Adam: 0.3 MB for the `mini` net, 110 MB for VGG11).
 *
 * @example
 * ```ts
 * const store = openStore({ root: '.gst-store' });
 * store.finalStates.save(twinKey, trained.checkpoint());
 * store.finalStates.load(twinKey)?.epochsDone; // 20
 * ```
 */
export class FinalStateStore {
  constructor(
    readonly dir: string,
    private readonly quarantineDir: string,
  ) {}

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

  /** The state stored under `key`, if it is there and sound (a damaged one is quarantined with one warning: the run that needs it trains instead). */
  load(key: string): TrainingCheckpoint | undefined {
    return readCheckpointFile({ path: this.path(key), quarantineDir: this.quarantineDir, folder: 'final', next: 'the runs measured on it will train instead' });
  }
}
