import { tf } from '../tf.js';
import { runKernel } from './assemblyKernels.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';
import type { KernelArgs } from './wasmKernelScope.js';

/**
 * Names of this project's train-mode batch-norm kernels, each one pass over an NHWC activation with
 * `[C]` per-channel vectors (`assembly/batchNormTrain.ts`, `assembly/channelMeans.ts`, and their
 * native twins), registered for wasm only; other backends run the composite ops of
 * `models/batchNormTrain.ts`, which these reproduce bit for bit, the channel means included:
 * - `BatchNormTrainMean`: `x` → the channel means `mean`;
 * - `BatchNormTrainCentreVariance`: `x`, `mean` → `[centred, variance]` (`variance` = the means of `centred²`);
 * - `BatchNormTrainNormalise`: `centred`, `invStd`, `scale`, `offset`, attribute `relu` → the output;
 * - `BatchNormTrainGradMeans`: `dy`, `centred`, `invStd` (and `out`, the forward output, with `relu`)
 *   → `[meanDy, meanDyHat]`, the means of `dyIn` and of `dyIn·x̂`, and with `relu` also `dyIn` =
 *   `dy·step(out)` (otherwise `dyIn` is `dy`);
 * - `BatchNormTrainInputGrad`: `dyIn`, `centred`, `invStd`, `meanDy`, `meanDyHat`, `factor` → `dx`.
 */
export const batchNormTrainKernels = {
  mean: 'BatchNormTrainMean',
  centreVariance: 'BatchNormTrainCentreVariance',
  normalise: 'BatchNormTrainNormalise',
  gradMeans: 'BatchNormTrainGradMeans',
  inputGrad: 'BatchNormTrainInputGrad',
} as const satisfies Record<string, string>;

/** The attribute of the kernels that can apply ReLU. */
export interface BatchNormTrainAttrs {
  readonly relu: boolean;
}

type Pass = 'batchNormMean' | 'batchNormCentreVariance' | 'batchNormNormalise' | 'batchNormGradMeans' | 'batchNormInputGrad';

/** An operand of a pass: a tensor (its heap offset is passed), a new activation-shaped or `[C]` output, or `null` (offset 0, not touched). */
type Operand = tf.TensorInfo | 'activation' | 'channels' | null;

/**
 * Runs the pass `name` over an activation shaped like the first operand: each operand's heap offset
 * (new float32 outputs returned in order), then the activation's size, as images and pixels per
 * image (`byImage`: the passes that pool each image) or pixels, its channels, and `flags`.
 */
function runPass(name: Pass, backend: unknown, operands: readonly Operand[], options: { byImage?: boolean; flags?: readonly number[] } = {}): tf.TensorInfo[] {
  const heap = backend as WasmHeapBackend;
  const shape = (operands[0] as tf.TensorInfo).shape;
  const [images, channels] = [shape[0], shape[shape.length - 1]];
  const pixels = tf.util.sizeFromShape(shape) / channels;
  const outputs: tf.TensorInfo[] = [];
  // all outputs are allocated before any offset is taken: an allocation may grow the heap
  const tensors = operands.map((o) =>
    o === 'activation' || o === 'channels'
      ? outputs[outputs.push(heap.makeOutput(o === 'activation' ? [...shape] : [channels], 'float32') as tf.TensorInfo) - 1]
      : o,
  );
  const size = options.byImage === true ? [images, pixels / images] : [pixels];
  runKernel(name, heap, [...tensors.map((t) => (t === null ? 0 : heapOffset(heap, t))), ...size, channels, ...(options.flags ?? [])]);
  return outputs;
}

type Inputs<K extends string> = Record<K, tf.TensorInfo>;

const reluFlag = (args: KernelArgs): number => ((args.attrs as unknown as BatchNormTrainAttrs).relu ? 1 : 0);

function mean(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as Inputs<'x'>;
  return runPass('batchNormMean', args.backend, [x, 'channels'], { byImage: true })[0];
}

function centreVariance(args: KernelArgs): tf.TensorInfo[] {
  const { x, mean } = args.inputs as Inputs<'x' | 'mean'>;
  return runPass('batchNormCentreVariance', args.backend, [x, mean, 'activation', 'channels'], { byImage: true });
}

function normalise(args: KernelArgs): tf.TensorInfo {
  const { centred, invStd, scale, offset } = args.inputs as Inputs<'centred' | 'invStd' | 'scale' | 'offset'>;
  return runPass('batchNormNormalise', args.backend, [centred, invStd, scale, offset, 'activation'], { flags: [reluFlag(args)] })[0];
}

function gradMeans(args: KernelArgs): tf.TensorInfo[] {
  const { dy, out, centred, invStd } = args.inputs as Inputs<'dy' | 'out' | 'centred' | 'invStd'>;
  const relu = reluFlag(args);
  const operands: Operand[] = [dy, relu ? out : null, centred, invStd, relu ? 'activation' : null, 'channels', 'channels'];
  const outputs = runPass('batchNormGradMeans', args.backend, operands, { byImage: true, flags: [relu] });
  // in operand order: [dyIn, meanDy, meanDyHat] with ReLU, [meanDy, meanDyHat] without
  return relu ? [outputs[1], outputs[2], outputs[0]] : outputs;
}

function inputGrad(args: KernelArgs): tf.TensorInfo {
  const { dyIn, centred, invStd, meanDy, meanDyHat, factor } = args.inputs as Inputs<'dyIn' | 'centred' | 'invStd' | 'meanDy' | 'meanDyHat' | 'factor'>;
  return runPass('batchNormInputGrad', args.backend, [dyIn, centred, invStd, meanDy, meanDyHat, factor, 'activation'])[0];
}

const kernelConfig = (kernelName: string, kernelFunc: (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[]): tf.KernelConfig => ({
  kernelName,
  backendName: 'wasm',
  kernelFunc: kernelFunc as unknown as tf.KernelFunc,
});

/** Kernel configs registered by `registerWasmTrainingKernels`. */
export const batchNormTrainWasmConfigs: readonly tf.KernelConfig[] = [
  kernelConfig(batchNormTrainKernels.mean, mean),
  kernelConfig(batchNormTrainKernels.centreVariance, centreVariance),
  kernelConfig(batchNormTrainKernels.normalise, normalise),
  kernelConfig(batchNormTrainKernels.gradMeans, gradMeans),
  kernelConfig(batchNormTrainKernels.inputGrad, inputGrad),
];
