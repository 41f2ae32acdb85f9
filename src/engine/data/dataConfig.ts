/** Datasets the engine can train on. */
export const datasetNames = ['fashion-mnist-16', 'fashion-mnist-28', 'cifar10'] as const;
export type DatasetName = (typeof datasetNames)[number];

/** How inputs are standardised: per-channel mean/std of the dataset's training split, or the paper's CIFAR-10 constants. */
export const normalizations = ['dataset', 'cifar10-paper'] as const;
export type Normalization = (typeof normalizations)[number];

/**
 * What data a run trains and evaluates on. Everything random here derives from the run seed.
 * Defaults (see {@link dataDefaults}): the whole training split, the whole test split, no label
 * noise, no validation split, no augmentation, `dataset` normalisation.
 */
export interface DataConfig {
  readonly name: DatasetName;
  /** Training images drawn (seeded, without replacement) from the training split. */
  readonly trainSize?: number;
  /** The first `testSize` images of the test split (a fixed evaluation set for every seed). */
  readonly testSize?: number;
  /** Fraction of the drawn training labels replaced by uniformly random labels, in [0, 1). */
  readonly labelNoise?: number;
  /**
   * Held-out selection: the first `validationSize` evaluation images (after the seeded, stratified
   * split) become a validation set used to choose the epoch; the rest stay the test set.
   */
  readonly validationSize?: number;
  /** Random crop with 4-pixel zero padding and horizontal flip, per batch (the paper's SGD setting). */
  readonly augment?: boolean;
  readonly normalization?: Normalization;
  /** CIFAR-10 only: records per binary file (10,000 in the real dataset; smaller in tests with tiny CIFAR-format files). */
  readonly cifarRecordsPerFile?: number;
}

export const dataDefaults = {
  labelNoise: 0,
  validationSize: 0,
  augment: false,
  normalization: 'dataset' as Normalization,
} as const;
