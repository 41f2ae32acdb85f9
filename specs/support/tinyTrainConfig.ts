import type { TrainConfig } from '../../src/engine/train/trainConfig.js';

/** A training config small enough for unit tests: a narrow VGG-mini on 600 Fashion-MNIST 16×16 images. */
export const tinyTrainConfig: TrainConfig = {
  data: { name: 'fashion-mnist-16', trainSize: 600, testSize: 500 },
  model: { name: 'vgg-mini', widthMultiplier: 0.5 },
  optimizer: { name: 'adam', learningRate: 2e-3 },
  batchSize: 64,
  epochs: 2,
};
