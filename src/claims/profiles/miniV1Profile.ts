import { lastFourConvs, type Protocol, profileFromProtocol } from './protocol.js';

/**
 * The first `mini` protocol (`mini-v1`, `mini-fixed` and `ci` keep it): real training on a laptop CPU, sized so that the whole suite with 10
 * replicates per arm fits in 20 minutes on 2 cores. Fashion-MNIST 16×16 (shipped), 1,000 training
 * images drawn per seed with 40% of labels replaced by random labels; the fixed 2,000-image test
 * subset split, seeded and stratified, into 1,000 validation (held-out epoch choice) and 1,000 test
 * images. VGG-mini at width 0.5 (convs 8-16-16-32-64), Adam 1e-3, batch 128, 20 epochs. conv1–conv4
 * pruned to .3/.3/.3/.6 between epochs 4 and 10: `small` rate r = 1 (7 events), `large` r = 3
 * (3 events). L2 scores as the paper's VGG.
 *
 * Calibrated with this engine on seeds 1–10 from the same protocol at 20% label noise (docs/RESULTS.md):
 * the map of "Prune_L beats no pruning" over label noise {0, .1, .2, .3, .4} × 5, 9 or 19
 * epochs after the last event, with the rule fixed before it ran (the largest Hedges' g among
 * points within the budget, at most 9 epochs after the last event), chose 40% and 9 (g = −1.43:
 * Prune_L below no pruning everywhere). Confirmed on seeds 101–110.
 */
export const miniV1Protocol: Protocol = {
  name: 'mini-v1',
  description:
    'Fashion-MNIST 16×16 (shipped), 1,000 training images per seed with 40% random labels, 1,000 validation + 1,000 test images; VGG-mini at width 0.5 (8-16-16-32-64), Adam 1e-3, batch 128, 20 epochs; conv1–conv4 pruned to .3/.3/.3/.6 at epochs 4–10, r = 1 (small) or 3 (large), L2 scores. Label noise and schedule length calibrated with this engine on seeds 1–10 (map of Prune_L vs none over label noise × epochs after the last event, rule fixed before the run; docs/RESULTS.md); confirmation seeds 101–110.',
  train: {
    data: { name: 'fashion-mnist-16', trainSize: 1000, testSize: 2000, validationSize: 1000, labelNoise: 0.4 },
    model: { name: 'vgg-mini', widthMultiplier: 0.5 },
    optimizer: { name: 'adam', learningRate: 1e-3 },
    batchSize: 128,
    epochs: 20,
  },
  layers: lastFourConvs(4, 10),
  score: 'l2',
  rates: { small: 1, large: 3 },
  sweep: [1, 3, 6],
  windows: { short: 8, long: 80 },
  flatness: { examples: 128, topK: 1, iterations: 6 },
  seedsPerArm: 10,
  seedsTogether: 10,
  seedBase: { calibration: 1, confirmation: 101 },
};

/**
 * `mini-v1`: the first `mini` protocol under its group-sequential design (stages of 5 seeds up to
 * 40, O'Brien-Fleming spending; docs/methods/verdicts.md §7.1), on confirmation seeds from 201.
 */
export const miniV1Profile = profileFromProtocol(
  { ...miniV1Protocol, seedBase: { calibration: 1, confirmation: 201 } },
  { kind: 'sequential', stageSize: 5, maxSeeds: 40, spending: 'obrien-fleming' },
);
