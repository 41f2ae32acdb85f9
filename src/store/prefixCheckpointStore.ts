import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import { encodeCheckpoint } from './checkpointCodec.js';
import { readCheckpointFile } from './checkpointFile.js';
import { prefixKey, type PrefixIdentity } from './prefixKey.js';

/**
 * Shared-prefix checkpoints on disk, `<dir>/<prefix key>.<epochs>.ckpt` (written atomically): runs
 * with the same seed and training config train the epochs before their first pruning event once,
 * and unpruned runs continue from the end of shorter ones. A run is bit-identical whether it
 * trained its prefix or continued from a checkpoint (tested), so results never depend on which run
 * came first. A damaged checkpoint (its hash, layout or epoch count) is quarantined with one warning and
 * the next shorter one is used, so the prefix is trained again to the same bits.
 *
 * @example
 * ```ts
 * const { prefixes } = openStore({ root: '.gst-store' });
 * const start = prefixes.latest({ train: config.train, seed: 1, backend: 'wasm' }, 4); // after ≤ 4 epochs, or undefined
 * ```
 */
export class PrefixCheckpointStore {
  constructor(
    readonly dir: string,
    private readonly quarantineDir: string,
  ) {}

  /** The path of the checkpoint after `epochs` epochs of a prefix family. */
  path(identity: PrefixIdentity, epochs: number): string {
    return join(this.dir, `${prefixKey(identity)}.${epochs}.ckpt`);
  }

  /** Epoch counts of the family's stored checkpoints. */
  private stored(identity: PrefixIdentity): number[] {
    if (!existsSync(this.dir)) return [];
    const key = prefixKey(identity);
    return readdirSync(this.dir)
      .map((name) => /^([0-9a-f]{32})\.(\d+)\.ckpt$/.exec(name))
      .filter((m): m is RegExpExecArray => m !== null && m[1] === key)
      .map((m) => Number(m[2]));
  }

  /** The family's sound stored checkpoint with the most epochs, at most `maxEpochs`, if any (damaged ones are quarantined on the way). */
  latest(identity: PrefixIdentity, maxEpochs: number): TrainingCheckpoint | undefined {
    for (const epochs of this.stored(identity)
      .filter((e) => e <= maxEpochs)
      .sort((a, b) => b - a)) {
      const checkpoint = readCheckpointFile({
        path: this.path(identity, epochs),
        quarantineDir: this.quarantineDir,
        folder: 'checkpoints',
        next: 'its training prefix will be trained again',
        epochs,
      });
      if (checkpoint !== undefined) return checkpoint;
    }
    return undefined;
  }

  /** Whether the checkpoint after exactly `epochs` epochs is stored. */
  has(identity: PrefixIdentity, epochs: number): boolean {
    return existsSync(this.path(identity, epochs));
  }

  /** Stores a checkpoint (an existing one of the same length is identical by construction). */
  save(identity: PrefixIdentity, checkpoint: TrainingCheckpoint): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.path(identity, checkpoint.epochsDone), encodeCheckpoint(checkpoint));
  }
}
