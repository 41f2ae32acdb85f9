import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageDataset, ImageSplit } from './imageDataset.js';

/** Bytes per record of the CIFAR-10 binary format: 1 label byte + 3×32×32 pixel bytes (planar RGB). */
export const cifarRecordBytes = 1 + 3 * 32 * 32;
export const cifarTrainFiles = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'] as const;
export const cifarTestFile = 'test_batch.bin';
/** The folder name inside the official archive. */
export const cifarArchiveFolder = 'cifar-10-batches-bin';

/**
 * Decodes CIFAR-10 binary records (https://www.cs.toronto.edu/~kriz/cifar.html) into NHWC uint8.
 * @throws when the byte length is not exactly `recordsPerFile` records or a label is not in 0..9.
 */
export function decodeCifarRecords(bytes: Uint8Array, source: string, recordsPerFile: number): ImageSplit {
  if (bytes.length !== recordsPerFile * cifarRecordBytes) {
    throw new Error(
      `${source}: ${bytes.length} bytes, expected ${recordsPerFile * cifarRecordBytes} (${recordsPerFile} records of ${cifarRecordBytes}); the file is truncated or corrupt`,
    );
  }
  const images = new Uint8Array(recordsPerFile * 3072);
  const labels = new Uint8Array(recordsPerFile);
  for (let r = 0; r < recordsPerFile; r++) {
    const base = r * cifarRecordBytes;
    const label = bytes[base];
    if (label > 9) throw new Error(`${source}: record ${r} has label ${label}; allowed: 0..9 (corrupt file)`);
    labels[r] = label;
    for (let p = 0; p < 1024; p++) {
      for (let c = 0; c < 3; c++) images[r * 3072 + p * 3 + c] = bytes[base + 1 + c * 1024 + p];
    }
  }
  return { images, labels, count: recordsPerFile };
}

function concat(splits: ImageSplit[]): ImageSplit {
  const count = splits.reduce((n, s) => n + s.count, 0);
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const s of splits) {
    images.set(s.images, at * 3072);
    labels.set(s.labels, at);
    at += s.count;
  }
  return { images, labels, count };
}

/** Returns the folder holding the `.bin` files: `dir` itself or its `cifar-10-batches-bin`, else undefined. */
export function findCifarFolder(dir: string): string | undefined {
  for (const candidate of [dir, join(dir, cifarArchiveFolder)]) {
    if (existsSync(join(candidate, cifarTestFile))) return candidate;
  }
  return undefined;
}

/**
 * Reads CIFAR-10 in its standard binary format from `dir` (or `dir/cifar-10-batches-bin`).
 *
 * @example
 * ```ts
 * const cifar = readCifar10({ dir: readSetting('GST_DATA_DIR') ?? 'data' });
 * cifar.train.count; // 50000
 * ```
 */
export function readCifar10(options: { dir: string; recordsPerFile?: number }): ImageDataset {
  const recordsPerFile = options.recordsPerFile ?? 10_000;
  const folder = findCifarFolder(options.dir);
  if (folder === undefined) {
    throw new Error(
      `data.dir: no CIFAR-10 binary files (${cifarTestFile}) in ${options.dir} or ${join(options.dir, cifarArchiveFolder)}; set GST_DATA_DIR to the folder holding them`,
    );
  }
  const read = (file: string) => {
    const path = join(folder, file);
    if (!existsSync(path)) throw new Error(`${path} is missing; a CIFAR-10 folder needs ${[...cifarTrainFiles, cifarTestFile].join(', ')}`);
    return decodeCifarRecords(new Uint8Array(readFileSync(path)), path, recordsPerFile);
  };
  return {
    name: 'cifar10',
    shape: [32, 32, 3],
    numClasses: 10,
    train: concat(cifarTrainFiles.map(read)),
    test: read(cifarTestFile),
  };
}
