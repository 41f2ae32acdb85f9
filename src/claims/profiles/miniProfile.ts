import { type Protocol, profileFromProtocol } from './protocol.js';
import { miniV1Protocol } from './miniV1Profile.js';

/**
 * The re-calibrated `mini` protocol: the first one at width 1 (VGG-mini 16-32-32-64-128) and 60% random
 * labels, everything else unchanged. Chosen on calibration seeds 1–10 by the map
 * `specs/tradeoff/maps/mini-recalibration.map.spec.ts` with the rule committed before it ran (the
 * cheapest cost level with a supported core claim; among its points the largest g_av: 1.65 at noise
 * 0.6, 1.03 at 0.4; docs/RESULTS.md §6). Confirmation seeds from 301; the second confirmation set from 401.
 */
export const miniProtocol: Protocol = {
  ...miniV1Protocol,
  name: 'mini',
  description:
    'Fashion-MNIST 16×16 (shipped), 1,000 training images per seed with 60% random labels, 1,000 validation + 1,000 test images; VGG-mini at width 1 (16-32-32-64-128), Adam 1e-3, batch 128, 20 epochs; conv1–conv4 pruned to .3/.3/.3/.6 at epochs 4–10, r = 1 (small) or 3 (large), L2 scores. Label noise and width chosen with this engine on seeds 1–10 by the re-calibration map (rule fixed before it ran; docs/RESULTS.md §6); confirmation seeds from 301.',
  train: {
    ...miniV1Protocol.train,
    data: { ...miniV1Protocol.train.data, labelNoise: 0.6 },
    model: { name: 'vgg-mini', widthMultiplier: 1 },
  },
  // confirmation-2: the confirmation of the amended rules (docs/methods/verdicts.md §9.8), seeds never used before
  seedBase: { calibration: 1, confirmation: 301, 'confirmation-2': 401 },
};

/**
 * `mini` (default): the re-calibrated protocol under its confirmation design: stages of 10 seeds up
 * to 90, O'Brien-Fleming spending (docs/methods/verdicts.md §7.2), seeds from 301.
 */
export const miniProfile = profileFromProtocol(miniProtocol, { kind: 'sequential', stageSize: 10, maxSeeds: 90, spending: 'obrien-fleming' });
