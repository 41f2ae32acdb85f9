import { tf } from '../tf.js';
import { applyConvBnUnit, applyConvBnUnitInference, type ConvBnUnit } from './convBnUnit.js';
import type { ForwardOptions } from './convNet.js';
import { applyEnsembleUnit } from './ensembleUnit.js';

/**
 * One conv-BN unit (then ReLU when `relu`) in a forward pass of the mode `forward` asks for: eval mode
 * as one kernel (`inference`); or its output before ReLU handed to `observe`, where the unit's mask
 * applies; or plain train or eval mode; an ensemble's unit in train mode (`ensembleUnit.ts`). Every
 * architecture's body runs its units through this.
 *
 * @example
 * ```ts
 * h = forwardUnit(unit, h, forward, { applyMask: true, relu: true });
 * ```
 */
export function forwardUnit(unit: ConvBnUnit, x: tf.Tensor4D, forward: ForwardOptions, options: { applyMask: boolean; relu: boolean }): tf.Tensor4D {
  const { applyMask, relu } = options;
  if (unit.members !== undefined) {
    if (forward.inference === true || forward.observe !== undefined)
      throw new Error(`forward: unit '${unit.name}' is an ensemble's, which trains without observers; evaluate or observe its members alone`);
    return applyEnsembleUnit(unit, x, { pending: forward.pending, applyMask, relu });
  }
  if (forward.inference === true) return applyConvBnUnitInference(unit, x, { applyMask, relu });
  const observe = applyMask ? forward.observe : undefined;
  if (observe === undefined) return applyConvBnUnit(unit, x, { pending: forward.pending, applyMask, relu });
  const y = applyConvBnUnit(unit, x, { pending: forward.pending, applyMask });
  observe(unit, y);
  return relu ? tf.relu(y) : y;
}
