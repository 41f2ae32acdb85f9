import { SeededRandom, deriveSeed } from '../../primitives/seededRandom.js';
import type { DataConfig, Normalization } from './dataConfig.js';
import { dataDefaults } from './dataConfig.js';
import { pixelsPerImage, type ImageDataset, type ImageSplit } from './imageDataset.js';

/** Standardised float images (NHWC) and labels, ready for batching. */
export interface TensorSplit {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
}

/** The data one run uses, after subset, label noise, split and normalisation. */
export interface PreparedData {
  readonly shape: readonly [number, number, number];
  readonly numClasses: number;
  readonly train: TensorSplit;
  readonly test: TensorSplit;
  /** Present when `validationSize > 0`. */
  readonly validation?: TensorSplit;
  /** Indices (into `train`) of the examples whose label was replaced by label noise. */
  readonly noisyIndices: readonly number[];
  readonly augment: boolean;
}

/** The paper's CIFAR-10 per-channel statistics on [0, 1] pixels. */
const cifarPaperStats = { mean: [0.4914, 0.4822, 0.4465], std: [0.2023, 0.1994, 0.201] };

function channelStats(split: ImageSplit, channels: number): { mean: number[]; std: number[] } {
  const sum = new Float64Array(channels);
  const sq = new Float64Array(channels);
  for (let i = 0; i < split.images.length; i++) {
    const v = split.images[i] / 255;
    sum[i % channels] += v;
    sq[i % channels] += v * v;
  }
  const n = split.images.length / channels;
  const mean = [...sum].map((s) => s / n);
  const std = [...sq].map((s, c) => Math.sqrt(Math.max(1e-12, s / n - mean[c] * mean[c])));
  return { mean, std };
}

function statsFor(normalization: Normalization, dataset: ImageDataset) {
  return normalization === 'cifar10-paper' ? cifarPaperStats : channelStats(dataset.train, dataset.shape[2]);
}

function gather(split: ImageSplit, indices: ArrayLike<number>, pixels: number, stats: { mean: number[]; std: number[] }): TensorSplit {
  const channels = stats.mean.length;
  const x = new Float32Array(indices.length * pixels);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i] * pixels;
    for (let p = 0; p < pixels; p++) {
      const c = p % channels;
      x[i * pixels + p] = (split.images[src + p] / 255 - stats.mean[c]) / stats.std[c];
    }
    y[i] = split.labels[indices[i]];
  }
  return { x, y, count: indices.length };
}

function checkSize(field: string, value: number | undefined, max: number): number {
  if (value === undefined) return max;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`data.${field}: ${value} is not allowed; use an integer in [1, ${max}]`);
  }
  return value;
}

/**
 * Seeded stratified split of `0..count-1`: each class contributes to the first part in proportion
 * to its size (largest-remainder rounding, so the sizes add up to `first` exactly); members are
 * drawn at random within each class.
 */
function stratifiedSplit(labels: ArrayLike<number>, count: number, first: number, rng: SeededRandom): [number[], number[]] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const list = byClass.get(labels[i]) ?? [];
    list.push(i);
    byClass.set(labels[i], list);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const exact = classes.map((k) => ((byClass.get(k) ?? []).length * first) / count);
  const quota = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = 0; quota.reduce((a, b) => a + b, 0) < first; r++) quota[order[r][1]] += 1;
  const chosen: number[] = [];
  const rest: number[] = [];
  classes.forEach((k, i) => {
    const members = rng.shuffle([...(byClass.get(k) ?? [])]) as number[];
    chosen.push(...members.slice(0, quota[i]));
    rest.push(...members.slice(quota[i]));
  });
  return [chosen.sort((a, b) => a - b), rest.sort((a, b) => a - b)];
}

/**
 * Applies a {@link DataConfig} to a dataset for one run seed: seeded training subset, seeded label
 * noise, the fixed test subset (optionally split, seeded and stratified, into validation + test),
 * and per-channel standardisation.
 *
 * @example
 * ```ts
 * const data = prepareData(loadFixtureDataset('fashion-mnist-16'), { name: 'fashion-mnist-16', trainSize: 2000, labelNoise: 0.2 }, 7);
 * data.train.count;        // 2000
 * data.noisyIndices.length; // 400
 * ```
 */
export function prepareData(dataset: ImageDataset, config: DataConfig, seed: number): PreparedData {
  const trainSize = checkSize('trainSize', config.trainSize, dataset.train.count);
  const testSize = checkSize('testSize', config.testSize, dataset.test.count);
  const labelNoise = config.labelNoise ?? dataDefaults.labelNoise;
  if (!(labelNoise >= 0 && labelNoise < 1)) throw new Error(`data.labelNoise: ${labelNoise} is not allowed; use a fraction in [0, 1)`);
  const validationSize = config.validationSize ?? dataDefaults.validationSize;
  if (!Number.isInteger(validationSize) || validationSize < 0 || validationSize >= testSize) {
    throw new Error(`data.validationSize: ${validationSize} is not allowed; use an integer in [0, ${testSize - 1}] (below testSize)`);
  }
  const pixels = pixelsPerImage(dataset.shape);
  const stats = statsFor(config.normalization ?? dataDefaults.normalization, dataset);
  const subset = new SeededRandom(deriveSeed(seed, 'train-subset')).permutation(dataset.train.count).slice(0, trainSize).sort();
  const train = gather(dataset.train, subset, pixels, stats);
  const noiseRng = new SeededRandom(deriveSeed(seed, 'label-noise'));
  const noisyIndices = [...noiseRng.permutation(trainSize).slice(0, Math.round(labelNoise * trainSize))].sort((a, b) => a - b);
  for (const i of noisyIndices) train.y[i] = noiseRng.int(dataset.numClasses);
  let test: TensorSplit;
  let validation: TensorSplit | undefined;
  if (validationSize > 0) {
    const [val, rest] = stratifiedSplit(dataset.test.labels, testSize, validationSize, new SeededRandom(deriveSeed(seed, 'validation-split')));
    validation = gather(dataset.test, val, pixels, stats);
    test = gather(dataset.test, rest, pixels, stats);
  } else {
    test = gather(
      dataset.test,
      Array.from({ length: testSize }, (_, i) => i),
      pixels,
      stats,
    );
  }
  return {
    shape: dataset.shape,
    numClasses: dataset.numClasses,
    train,
    test,
    validation,
    noisyIndices,
    augment: config.augment ?? dataDefaults.augment,
  };
}
