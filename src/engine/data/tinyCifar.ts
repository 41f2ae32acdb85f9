import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cifarRecordBytes, cifarTestFile, cifarTrainFiles } from './cifar10Reader.js';
import { SeededRandom } from '../../primitives/seededRandom.js';

/** Writes CIFAR-10 binary files of `recordsPerFile` random records each into `dir` (the paper smoke tests and `npm run gpu:check` without real CIFAR-10). */
export function writeTinyCifar(dir: string, recordsPerFile: number): void {
  mkdirSync(dir, { recursive: true });
  const rng = new SeededRandom(3);
  for (const file of [...cifarTrainFiles, cifarTestFile]) {
    const bytes = new Uint8Array(recordsPerFile * cifarRecordBytes);
    for (let r = 0; r < recordsPerFile; r++) {
      bytes[r * cifarRecordBytes] = rng.int(10);
      for (let p = 1; p < cifarRecordBytes; p++) bytes[r * cifarRecordBytes + p] = rng.int(256);
    }
    writeFileSync(join(dir, file), bytes);
  }
}
