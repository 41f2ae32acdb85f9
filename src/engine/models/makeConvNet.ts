import { deriveSeed } from '../../primitives/seededRandom.js';
import { tf } from '../tf.js';
import { globalAveragePool } from './channelOps.js';
import { unitVariables, type ConvBnUnit } from './convBnUnit.js';
import type { ConvNet, ForwardOptions } from './convNet.js';
import { dense } from './dense.js';

let instances = 0;

/** A fresh prefix for one model instance's tfjs variable names. */
export function nextModelScope(architecture: string): string {
  instances += 1;
  return `${architecture}#${instances}`;
}

/**
 * Completes a {@link ConvNet} from its convolutional body: global average pooling (identical to
 * flattening when the body ends at 1×1, as VGG11 on 32×32 does) and a linear head initialised as
 * PyTorch's `nn.Linear` (U(±1/√fan_in) for weights and bias). With several seeds, an ensemble: the head
 * is each member's, stacked, and applied to each member's slice of the features.
 */
export function makeConvNet(options: {
  architecture: string;
  inputShape: readonly [number, number, number];
  numClasses: number;
  /** The instance prefix of the units' tfjs variable names. */
  scope: string;
  units: readonly ConvBnUnit[];
  featureChannels: number;
  seed: number | readonly number[];
  body: (x: tf.Tensor4D, forward: ForwardOptions) => tf.Tensor4D;
}): ConvNet {
  const { architecture, inputShape, numClasses, featureChannels, seed, body, scope } = options;
  const bound = 1 / Math.sqrt(featureChannels);
  const members = typeof seed === 'number' ? undefined : seed.length;
  const init = (shape: number[], name: string) =>
    typeof seed === 'number'
      ? tf.randomUniform(shape, -bound, bound, 'float32', deriveSeed(seed, `init:${name}`))
      : tf.stack(seed.map((s) => tf.randomUniform(shape, -bound, bound, 'float32', deriveSeed(s, `init:${name}`))));
  const [headKernel, headBias] = tf.tidy(() => [
    tf.variable(init([featureChannels, numClasses], 'head.kernel'), true, `${scope}/head.kernel`),
    tf.variable(init([numClasses], 'head.bias'), true, `${scope}/head.bias`),
  ]);
  const units = new Map(options.units.map((u) => [u.name, u]));
  return {
    architecture,
    inputShape,
    numClasses,
    units,
    headKernel,
    headBias,
    ...(members === undefined ? {} : { members }),
    forward(x, forward = {}) {
      if (forward.inference === true && (forward.pending !== undefined || forward.observe !== undefined)) {
        throw new Error('forward: inference cannot be combined with pending or observe (it runs eval mode with each unit fused); drop one of them');
      }
      return tf.tidy(() => {
        return dense(globalAveragePool(body(x, forward)), headKernel, headBias);
      });
    },
    trainableVariables() {
      return [...[...units.values()].flatMap((u) => [u.kernel, u.gamma, u.beta]), headKernel, headBias];
    },
    namedVariables() {
      return [...[...units.values()].flatMap(unitVariables), ['head.kernel', headKernel], ['head.bias', headBias]];
    },
    dispose() {
      for (const [, v] of this.namedVariables()) v.dispose();
    },
  };
}
