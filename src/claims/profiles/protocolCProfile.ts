import { lastFourConvs, type Protocol, profileFromProtocol } from './protocol.js';

/**
 * `protocol-c`: protocol C of an earlier PyTorch study of small protocols (another framework), as calibrated there.
 * It was this project's `mini` protocol until the calibration with this engine (docs/RESULTS.md),
 * and the earlier results in docs/RESULTS.md were measured with it.
 * Fashion-MNIST 16×16 (shipped), 2,000 training images drawn per seed with 20% of labels replaced
 * by random labels; the fixed 2,000-image test subset split, seeded and stratified, into 1,000
 * validation (held-out epoch choice) and 1,000 test images. VGG-mini (convs 16-32-32-64-128),
 * Adam 1e-3, batch 128, 30 epochs. conv1–conv4 pruned to .3/.3/.3/.6 between epochs 6 and 14:
 * `small` rate r = 1 (9 events), `large` r = 4 (3 events). L2 scores as the paper's VGG.
 */
export const protocolC: Protocol = {
  name: 'protocol-c',
  description:
    'Protocol C (an earlier PyTorch study of small protocols): Fashion-MNIST 16×16 (shipped), 2,000 training images per seed with 20% random labels, 1,000 validation + 1,000 test images; VGG-mini (16-32-32-64-128), Adam 1e-3, batch 128, 30 epochs; conv1–conv4 pruned to .3/.3/.3/.6 at epochs 6–14, r = 1 (small) or 4 (large), L2 scores.',
  train: {
    data: { name: 'fashion-mnist-16', trainSize: 2000, testSize: 2000, validationSize: 1000, labelNoise: 0.2 },
    model: { name: 'vgg-mini' },
    optimizer: { name: 'adam', learningRate: 1e-3 },
    batchSize: 128,
    epochs: 30,
  },
  layers: lastFourConvs(6, 14),
  score: 'l2',
  rates: { small: 1, large: 4 },
  sweep: [1, 2, 4, 8],
  windows: { short: 16, long: 160 },
  flatness: { examples: 256, topK: 2, iterations: 8 },
  seedsPerArm: 10,
  seedsTogether: 10,
  seedBase: { calibration: 1, confirmation: 101 },
};

/** The `protocol-c` profile. */
export const protocolCProfile = profileFromProtocol(protocolC);
