import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainConfig } from '../engine/train/trainConfig.js';
import { decodeCheckpoint, encodeCheckpoint, type PrefixCheckpoints } from '../engine/train/trainingCheckpoint.js';
import { writeFileAtomic } from './atomicFile.js';
import { canonicalJson } from './canonicalJson.js';
import { engineVersion } from './engineVersion.js';

/** What identifies a family of shared prefixes: the training config (its length aside), seed and backend. */
export interface PrefixIdentity {
  readonly train: TrainConfig;
  readonly seed: number;
  readonly backend: string;
}

/**
 * Content address of a prefix family: SHA-256 of the canonical JSON of the training config without
 * its `epochs` (a prefix does not depend on how long the run goes on), seed, backend and engine
 * version (first 32 hex digits).
 */
export function prefixKey(identity: PrefixIdentity): string {
  const train: Partial<TrainConfig> = { ...identity.train, epochs: undefined };
  return createHash('sha256')
    .update(canonicalJson({ train, seed: identity.seed, backend: identity.backend, engineVersion }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Shared-prefix checkpoints on disk, `<dir>/<key>.<epochs>.ckpt` (written atomically): runs with
 * the same seed and training config train the epochs before their first pruning event once, and
 * unpruned runs continue from the end of shorter ones. A run is bit-identical whether it trained
 * its prefix or continued from a checkpoint (tested), so results never depend on which run came
 * first.
 *
 * @example
 * ```ts
 * const store = new PrefixCheckpointStore(join(runStore.dir, 'checkpoints'));
 * const checkpoints = store.checkpoints({ train: config, seed: 1, backend: 'wasm' });
 * await trainRun({ config, seed: 1, hooks, prefix: { checkpoints, inertEpochs: 6 } });
 * ```
 */
export class PrefixCheckpointStore {
  constructor(readonly dir: string) {}

  /** The path of the checkpoint after `epochs` epochs of a prefix family. */
  path(identity: PrefixIdentity, epochs: number): string {
    return join(this.dir, `${prefixKey(identity)}.${epochs}.ckpt`);
  }

  /** The engine's view of one prefix family. */
  checkpoints(identity: PrefixIdentity): PrefixCheckpoints {
    const key = prefixKey(identity);
    const stored = (): number[] => {
      if (!existsSync(this.dir)) return [];
      return readdirSync(this.dir)
        .map((name) => /^([0-9a-f]{32})\.(\d+)\.ckpt$/.exec(name))
        .filter((m): m is RegExpExecArray => m !== null && m[1] === key)
        .map((m) => Number(m[2]));
    };
    return {
      latest: (maxEpochs) => {
        const best = Math.max(-1, ...stored().filter((e) => e <= maxEpochs));
        if (best < 0) return undefined;
        const path = this.path(identity, best);
        const checkpoint = decodeCheckpoint(readFileSync(path), path);
        if (checkpoint.epochsDone !== best) throw new Error(`checkpoint ${path}: holds ${checkpoint.epochsDone} epochs, its name says ${best}; delete the file to retrain its prefix`);
        return checkpoint;
      },
      has: (epochs) => existsSync(this.path(identity, epochs)),
      save: (checkpoint) => {
        mkdirSync(this.dir, { recursive: true });
        writeFileAtomic(this.path(identity, checkpoint.epochsDone), encodeCheckpoint(checkpoint));
      },
    };
  }
}
