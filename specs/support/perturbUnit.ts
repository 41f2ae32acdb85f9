import type { ConvBnUnit } from '../../src/engine/models/convBnUnit.js';
import { tf } from '../../src/engine/tf.js';

/** Running statistics, γ, β and a mask with removed filters (γ·0 and β·0 give −0 where β < 0), as after training and pruning. */
export function perturbUnit(unit: ConvBnUnit, seed: number): void {
  tf.tidy(() => {
    const c = unit.outChannels;
    unit.runningMean.assign(tf.randomNormal([c], 0, 0.5, 'float32', seed));
    unit.runningVar.assign(tf.randomUniform([c], 0.05, 3, 'float32', seed + 1));
    unit.gamma.assign(tf.randomNormal([c], 0.8, 0.6, 'float32', seed + 2));
    unit.beta.assign(tf.randomNormal([c], 0, 0.5, 'float32', seed + 3));
    unit.mask.assign(tf.cast(tf.greater(tf.randomUniform([c], 0, 1, 'float32', seed + 4), 0.3), 'float32'));
  });
}
