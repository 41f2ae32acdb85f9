import { SeededRandom, deriveSeed } from '../../primitives/seededRandom.js';
import type { TensorSplit } from './preparedData.js';

/** One minibatch in host memory. */
export interface HostBatch {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly size: number;
}

/**
 * Random crop with `pad` zero padding and a horizontal flip with probability 1/2, in place on one
 * NHWC image (the standard CIFAR augmentation of the paper's SGD setting).
 */
function augmentImage(image: Float32Array, shape: readonly [number, number, number], pad: number, rng: SeededRandom): void {
  const [h, w, c] = shape;
  const dy = rng.int(2 * pad + 1) - pad;
  const dx = rng.int(2 * pad + 1) - pad;
  const flip = rng.next() < 0.5;
  const src = image.slice();
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sy = y + dy;
      const sxRaw = x + dx;
      const sx = flip ? w - 1 - sxRaw : sxRaw;
      for (let k = 0; k < c; k++) {
        const inside = sy >= 0 && sy < h && sxRaw >= 0 && sxRaw < w;
        image[(y * w + x) * c + k] = inside ? src[(sy * w + sx) * c + k] : 0;
      }
    }
  }
}

/**
 * The minibatches of one training epoch: a seeded permutation per epoch (derived from the run seed
 * and the epoch, so epoch `e` of a run is the same whatever ran before), the last partial batch
 * kept (PyTorch's default), optional augmentation.
 *
 * @example
 * ```ts
 * for (const batch of epochBatches({ split: data.train, shape: data.shape, batchSize: 128, seed: 1, epoch: 0 })) {
 *   batch.size; // 128, ..., the remainder
 * }
 * ```
 */
export function* epochBatches(options: {
  split: TensorSplit;
  shape: readonly [number, number, number];
  batchSize: number;
  seed: number;
  epoch: number;
  augment?: boolean;
}): Generator<HostBatch> {
  const { split, shape, batchSize, seed, epoch } = options;
  const pixels = shape[0] * shape[1] * shape[2];
  const order = new SeededRandom(deriveSeed(seed, `order:${epoch}`)).permutation(split.count);
  const augmentRng = options.augment ? new SeededRandom(deriveSeed(seed, `augment:${epoch}`)) : undefined;
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    const x = new Float32Array(size * pixels);
    const y = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const idx = order[start + i];
      const image = split.x.subarray(idx * pixels, (idx + 1) * pixels);
      if (augmentRng) {
        const copy = image.slice();
        augmentImage(copy, shape, 4, augmentRng);
        x.set(copy, i * pixels);
      } else {
        x.set(image, i * pixels);
      }
      y[i] = split.y[idx];
    }
    yield { x, y, size };
  }
}

/** Consecutive, unshuffled batches of an evaluation split (views, no copies). */
export function* evaluationBatches(split: TensorSplit, shape: readonly [number, number, number], batchSize: number): Generator<HostBatch> {
  const pixels = shape[0] * shape[1] * shape[2];
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    yield { x: split.x.subarray(start * pixels, (start + size) * pixels), y: split.y.subarray(start, start + size), size };
  }
}
