import { paperIntervals, vgg11PaperPruning } from '../../pruning/presets.js';
import { profileFromProtocol } from './protocol.js';

/**
 * `paper`: the authors' VGG11 setting exactly (CIFAR-10 from `GST_DATA_DIR`, paper normalisation,
 * no augmentation, Adam 1e-3 without weight decay, batch 128, 325 epochs, lr ×0.1 at epochs 150 and
 * 300; last 4 convs pruned with targets .3/.3/.3/.9, starts 3–6, ends 150/150/150/275, L2 scores;
 * r = 4 ("1%") and 40 ("13%"), the sweep {4, 20, 40, 60, 100, 200, 300}; zeroing windows 50 and 1105
 * batches; flatness on 512 test images with the top 100 eigenvalues; 10 runs per arm). For nightly
 * GPU CI with @tensorflow/tfjs-node-gpu.
 */
export const paperProfile = profileFromProtocol({
  name: 'paper',
  description:
    "The authors' VGG11-BN / CIFAR-10 setting: Adam 1e-3, batch 128, 325 epochs, lr ×0.1 at 150 and 300, no augmentation; conv4–conv7 pruned to .3/.3/.3/.9 from epochs 3–6 to 150/150/150/275 by L2 norm; r = 4 and 40.",
  train: {
    data: { name: 'cifar10', normalization: 'cifar10-paper', validationSize: 5000 },
    model: { name: 'vgg11' },
    optimizer: { name: 'adam', learningRate: 1e-3 },
    lrSchedule: { milestones: [150, 300], gamma: 0.1 },
    batchSize: 128,
    epochs: 325,
  },
  layers: vgg11PaperPruning({ interval: 40, selection: 'largest' }).layers,
  score: 'l2',
  rates: { small: 4, large: 40 },
  sweep: paperIntervals,
  windows: { short: 50, long: 1105 },
  flatness: { examples: 512, topK: 100, iterations: 20 },
  seedsPerArm: 10,
  seedsTogether: 8,
  seedBase: { calibration: 1, confirmation: 1001 },
});
