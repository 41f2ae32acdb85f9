import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageDataset, ImageSplit } from './imageDataset.js';
import { parseIdx } from './idxFormat.js';

/** Datasets shipped in `fixtures/` (see `fixtures/README.md` for provenance and licence). */
export const fixtureDatasetNames = ['fashion-mnist-16', 'fashion-mnist-28'] as const;
export type FixtureDatasetName = (typeof fixtureDatasetNames)[number];

/** The repository's `fixtures/` folder. */
export const fixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

function loadSplit(dir: string, prefix: 'train' | 't10k', size: number): ImageSplit {
  const images = parseIdx(readFileSync(join(dir, `${prefix}-images-idx3-ubyte.gz`)), `${dir}/${prefix}-images`);
  const labels = parseIdx(readFileSync(join(dir, `${prefix}-labels-idx1-ubyte.gz`)), `${dir}/${prefix}-labels`);
  const [count, h, w] = images.dims;
  if (h !== size || w !== size || labels.dims[0] !== count) {
    throw new Error(`${dir}: ${prefix} images [${images.dims.join(', ')}] and labels [${labels.dims.join(', ')}] do not match a ${size}x${size} split`);
  }
  return { images: images.data, labels: labels.data, count };
}

/**
 * Loads a shipped fixture dataset (grayscale, 10 classes).
 *
 * @example
 * ```ts
 * const ds = loadFixtureDataset('fashion-mnist-16');
 * ds.shape;        // [16, 16, 1]
 * ds.train.count;  // 10000
 * ```
 */
export function loadFixtureDataset(name: FixtureDatasetName): ImageDataset {
  if (!(fixtureDatasetNames as readonly string[]).includes(name)) {
    throw new Error(`data.name: unknown fixture '${name}'; allowed: ${fixtureDatasetNames.join(', ')}`);
  }
  const size = name === 'fashion-mnist-16' ? 16 : 28;
  const dir = join(fixturesDir, name);
  if (!existsSync(dir)) throw new Error(`fixture folder ${dir} is missing; regenerate it with npm run fixtures`);
  return {
    name,
    shape: [size, size, 1],
    numClasses: 10,
    train: loadSplit(dir, 'train', size),
    test: loadSplit(dir, 't10k', size),
  };
}
