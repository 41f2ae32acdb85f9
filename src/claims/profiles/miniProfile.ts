import { profileFromProtocol, type Protocol } from './protocol.js';

const lastFour = (start: number, end: number) => [
  { layer: 'conv1', fraction: 0.3, start, end },
  { layer: 'conv2', fraction: 0.3, start, end },
  { layer: 'conv3', fraction: 0.3, start, end },
  { layer: 'conv4', fraction: 0.6, start, end },
];

/**
 * `mini` (default): real training on a laptop CPU, after `../shared/MINI_PROTOCOL.md`'s protocol C
 * (run here on fresh seeds; see the README).
 * Fashion-MNIST 16×16 (shipped), 2,000 training images drawn per seed with 20% of labels replaced
 * by random labels; the fixed 2,000-image test subset split, seeded and stratified, into 1,000
 * validation (held-out epoch choice) and 1,000 test images. VGG-mini (convs 16-32-32-64-128),
 * Adam 1e-3, batch 128, 30 epochs. conv1–conv4 pruned to .3/.3/.3/.6 between epochs 6 and 14:
 * `small` rate r = 1 (9 events), `large` r = 4 (3 events). L2 scores as the paper's VGG.
 */
export const miniProtocol: Protocol = {
  name: 'mini',
  description:
    'Fashion-MNIST 16×16 (shipped), 2,000 training images per seed with 20% random labels, 1,000 validation + 1,000 test images; VGG-mini (16-32-32-64-128), Adam 1e-3, batch 128, 30 epochs; conv1–conv4 pruned to .3/.3/.3/.6 at epochs 6–14, r = 1 (small) or 4 (large), L2 scores.',
  train: {
    data: { name: 'fashion-mnist-16', trainSize: 2000, testSize: 2000, validationSize: 1000, labelNoise: 0.2 },
    model: { name: 'vgg-mini' },
    optimizer: { name: 'adam', learningRate: 1e-3 },
    batchSize: 128,
    epochs: 30,
  },
  layers: lastFour(6, 14),
  score: 'l2',
  rates: { small: 1, large: 4 },
  sweep: [1, 2, 4, 8],
  windows: { short: 16, long: 160 },
  flatness: { examples: 256, topK: 2, iterations: 8 },
  replicates: 10,
  seedBase: { calibration: 1, confirmation: 101 },
};

/** The `mini` profile. */
export const miniProfile = profileFromProtocol(miniProtocol);

/**
 * `ci`: the mini protocol shrunk to what `npm test` can afford on 2 CPU cores (1,000 training
 * images, width 0.5, 20 epochs, events at epochs 4–10 with r = 1 or 3, 4 replicates). Real
 * training and real statistics, at low power: its verdicts say whether the machinery reproduces
 * the strongest effects, not whether the paper holds.
 */
export const ciProfile = profileFromProtocol({
  name: 'ci',
  description:
    'CI-sized mini protocol: 1,000 Fashion-MNIST 16×16 training images (20% random labels), 1,000 validation + 1,000 test; VGG-mini at width 0.5, Adam 1e-3, 20 epochs; conv1–conv4 pruned to .3/.3/.3/.6 at epochs 4–10, r = 1 or 3; 4 replicates.',
  train: {
    data: { name: 'fashion-mnist-16', trainSize: 1000, testSize: 2000, validationSize: 1000, labelNoise: 0.2 },
    model: { name: 'vgg-mini', widthMultiplier: 0.5 },
    optimizer: { name: 'adam', learningRate: 1e-3 },
    batchSize: 128,
    epochs: 20,
  },
  layers: lastFour(4, 10),
  score: 'l2',
  rates: { small: 1, large: 3 },
  sweep: [1, 3, 6],
  windows: { short: 8, long: 80 },
  flatness: { examples: 128, topK: 1, iterations: 6 },
  replicates: 4,
  seedBase: { calibration: 1, confirmation: 101 },
});
