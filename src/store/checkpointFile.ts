import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';
import { decodeCheckpoint } from './checkpointCodec.js';
import { quarantine } from './quarantine.js';

/**
 * A stored checkpoint file, verified (layout, hash, and the epoch count its name promises); a damaged
 * one is moved to quarantine with one warning (`next` says what happens instead) and reads as missing,
 * so what it held is trained again, to the same bits.
 *
 * @example
 * ```ts
 * readCheckpointFile({ path, quarantineDir, folder: 'final', next: 'its run will be trained instead' }); // TrainingCheckpoint | undefined
 * ```
 */
export function readCheckpointFile(options: {
  path: string;
  quarantineDir: string;
  /** The folder it is shown in (`checkpoints`, `final`). */
  folder: string;
  next: string;
  epochs?: number;
}): TrainingCheckpoint | undefined {
  const { path, epochs } = options;
  if (!existsSync(path)) return undefined;
  let reason: string;
  try {
    const checkpoint = decodeCheckpoint(readFileSync(path), path);
    if (epochs === undefined || checkpoint.epochsDone === epochs) return checkpoint;
    reason = `it holds ${checkpoint.epochsDone} epochs, its name says ${epochs}`;
  } catch (error) {
    reason = (error as Error).message.replace(`checkpoint ${path}: `, '');
  }
  quarantine({ path, quarantineDir: options.quarantineDir, shownAs: `${options.folder}/${basename(path)}`, reason, next: options.next });
  return undefined;
}
