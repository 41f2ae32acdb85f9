import { tf } from '../tf.js';
import { createConvBnUnit, type ConvBnUnit } from './convBnUnit.js';
import { maskChannels } from './ensembleUnit.js';
import { forwardUnit } from './forwardUnit.js';
import type { ConvNet } from './convNet.js';
import { makeConvNet, nextModelScope } from './makeConvNet.js';
import { scaleWidth } from './vgg.js';

/** Options of {@link buildResNet}. Defaults: ResNet18 (2 blocks per stage), width 1, 32×32×3, 10 classes. */
export interface ResNetOptions {
  /** Basic blocks in each of the four stages; ResNet18 is [2, 2, 2, 2]. */
  readonly blocksPerStage?: readonly number[];
  readonly stageWidths?: readonly number[];
  readonly widthMultiplier?: number;
  readonly inputShape?: readonly [number, number, number];
  readonly numClasses?: number;
  /** One seed, or the seeds of an ensemble's members. */
  readonly seed: number | readonly number[];
  readonly architecture?: string;
}

interface BasicBlock {
  readonly conv1: ConvBnUnit;
  readonly conv2: ConvBnUnit;
  readonly shortcut?: ConvBnUnit;
}

/**
 * Builds the CIFAR ResNet (3×3 stem `conv1`, four stages of basic blocks with strides 1, 2, 2, 2,
 * 1×1 projection shortcuts `layerS.B.shortcut` where shape changes). Unit names follow PyTorch's:
 * `conv1`, `layer1.0.conv1`, ..., `layer4.1.conv2`.
 *
 * Pruning a block's `conv2` masks the block output after the shortcut is added, so the shortcut adds
 * only into unmasked channels and a removed channel is exactly 0 downstream.
 *
 * @example
 * ```ts
 * const net = buildResNet({ seed: 1 });                   // ResNet18
 * net.units.has('layer4.1.conv2');                         // true
 * ```
 */
export function buildResNet(options: ResNetOptions): ConvNet {
  const blocksPerStage = options.blocksPerStage ?? [2, 2, 2, 2];
  const widths = options.stageWidths ?? [64, 128, 256, 512];
  const widthMultiplier = options.widthMultiplier ?? 1;
  const inputShape = options.inputShape ?? [32, 32, 3];
  const seed = options.seed;
  const architecture = options.architecture ?? 'resnet';
  const scope = nextModelScope(architecture);
  const stem = createConvBnUnit({ name: 'conv1', scope, inChannels: inputShape[2], outChannels: scaleWidth(widths[0], widthMultiplier), seed });
  const units: ConvBnUnit[] = [stem];
  const blocks: BasicBlock[] = [];
  let channels = stem.outChannels;
  blocksPerStage.forEach((count, stage) => {
    const out = scaleWidth(widths[stage], widthMultiplier);
    for (let b = 0; b < count; b++) {
      const stride = stage > 0 && b === 0 ? 2 : 1;
      const prefix = `layer${stage + 1}.${b}`;
      const conv1 = createConvBnUnit({ name: `${prefix}.conv1`, scope, inChannels: channels, outChannels: out, stride, seed });
      const conv2 = createConvBnUnit({ name: `${prefix}.conv2`, scope, inChannels: out, outChannels: out, seed });
      const shortcut =
        stride !== 1 || channels !== out
          ? createConvBnUnit({ name: `${prefix}.shortcut`, scope, inChannels: channels, outChannels: out, stride, kernelSize: 1, seed })
          : undefined;
      units.push(conv1, conv2, ...(shortcut ? [shortcut] : []));
      blocks.push({ conv1, conv2, shortcut });
      channels = out;
    }
  });
  return makeConvNet({
    architecture,
    scope,
    inputShape,
    numClasses: options.numClasses ?? 10,
    units,
    featureChannels: channels,
    seed,
    body: (x, forward) => {
      const unit = (u: ConvBnUnit, h: tf.Tensor4D, applyMask: boolean, relu: boolean) => forwardUnit(u, h, forward, { applyMask, relu });
      let h = unit(stem, x, true, true);
      for (const block of blocks) {
        const a = unit(block.conv1, h, true, true);
        const b = unit(block.conv2, a, false, false);
        const skip = block.shortcut ? unit(block.shortcut, h, true, false) : h;
        const sum = maskChannels(tf.add(b, skip), block.conv2);
        forward.observe?.(block.conv2, sum);
        h = tf.relu(sum);
      }
      return h;
    },
  });
}
