import { tf } from '../tf.js';
import { createConvBnUnit, type ConvBnUnit } from './convBnUnit.js';
import { forwardUnit } from './forwardUnit.js';
import type { ConvNet } from './convNet.js';
import { makeConvNet, nextModelScope } from './makeConvNet.js';

/** A VGG body: conv widths in order, `'M'` for a 2×2 max-pool. */
export type VggLayout = readonly (number | 'M')[];

/** VGG11 ("configuration A") as in the authors' CIFAR code. */
export const vgg11Layout: VggLayout = [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'];

/**
 * The small protocol's net (protocol C of an earlier PyTorch study of small protocols): 5 convs 16-32-32-64-128, max-pool after
 * conv0 and conv2. It is VGG-family: same builder, another layout.
 */
export const vggMiniLayout: VggLayout = [16, 'M', 32, 32, 'M', 64, 128];

/** Options of {@link buildVgg}. Defaults: VGG11 layout, width 1, 32×32×3 input, 10 classes. */
export interface VggOptions {
  readonly layout?: VggLayout;
  readonly widthMultiplier?: number;
  readonly inputShape?: readonly [number, number, number];
  readonly numClasses?: number;
  /** One seed, or the seeds of an ensemble's members. */
  readonly seed: number | readonly number[];
  readonly architecture?: string;
}

/** Scales a channel count by a width multiplier, keeping at least one channel. */
export function scaleWidth(channels: number, widthMultiplier: number): number {
  return Math.max(1, Math.round(channels * widthMultiplier));
}

/**
 * Builds a VGG-family net with batch norm: every conv is 3×3, stride 1, `same` padding, followed by
 * BN and ReLU; convs are named `conv0`, `conv1`, ... in order (VGG11's last four are `conv4`–`conv7`).
 *
 * @example
 * ```ts
 * const net = buildVgg({ seed: 1 });           // VGG11-BN for CIFAR-10
 * [...net.units.keys()];                        // ['conv0', ..., 'conv7']
 * ```
 */
export function buildVgg(options: VggOptions): ConvNet {
  const layout = options.layout ?? vgg11Layout;
  const widthMultiplier = options.widthMultiplier ?? 1;
  const inputShape = options.inputShape ?? [32, 32, 3];
  const architecture = options.architecture ?? 'vgg';
  const scope = nextModelScope(architecture);
  const units: ConvBnUnit[] = [];
  const steps: (ConvBnUnit | 'M')[] = [];
  let channels = inputShape[2];
  let size = Math.min(inputShape[0], inputShape[1]);
  for (const item of layout) {
    if (item === 'M') {
      if (size < 2) {
        throw new Error(`model.layout: max-pool at spatial size ${size}; the input ${inputShape.join('x')} is too small for this layout`);
      }
      size = Math.floor(size / 2);
      steps.push('M');
      continue;
    }
    const unit = createConvBnUnit({
      name: `conv${units.length}`,
      scope,
      inChannels: channels,
      outChannels: scaleWidth(item, widthMultiplier),
      seed: options.seed,
    });
    units.push(unit);
    steps.push(unit);
    channels = unit.outChannels;
  }
  return makeConvNet({
    architecture,
    scope,
    inputShape,
    numClasses: options.numClasses ?? 10,
    units,
    featureChannels: channels,
    seed: options.seed,
    body: (x, forward) => {
      let h = x;
      for (const step of steps) {
        if (step === 'M') {
          h = tf.maxPool(h, 2, 2, 'valid');
          continue;
        }
        h = forwardUnit(step, h, forward, { applyMask: true, relu: true });
      }
      return h;
    },
  });
}
