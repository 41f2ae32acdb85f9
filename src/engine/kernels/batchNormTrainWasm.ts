import { tf } from '../tf.js';
import { runKernel } from './assemblyKernels.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';
import type { KernelArgs } from './wasmKernelScope.js';

/**
 * Names of this project's train-mode batch-norm kernels, each one pass over an NHWC activation with
 * `[C]` per-channel vectors (`assembly/batchNormTrain.ts`), registered for wasm only; other backends
 * run the composite ops of `models/batchNormTrain.ts`, which these reproduce bit for bit:
 * - `BatchNormTrainCentre`: `x`, `mean` → `[centred, squared]`;
 * - `BatchNormTrainNormalise`: `centred`, `invStd`, `scale`, `offset`, attribute `relu` → the output;
 * - `BatchNormTrainGradTerms`: `dy`, `centred`, `invStd` (and `out`, the forward output, with
 *   `relu`) → `[product]` = `[dy·x̂]`, or `[product, dyIn]` with `relu`, `dyIn` being `dy·step(out)`;
 * - `BatchNormTrainInputGrad`: `dyIn`, `centred`, `invStd`, `meanDy`, `meanDyHat`, `factor` → `dx`.
 */
export const batchNormTrainKernels = {
  centre: 'BatchNormTrainCentre',
  normalise: 'BatchNormTrainNormalise',
  gradTerms: 'BatchNormTrainGradTerms',
  inputGrad: 'BatchNormTrainInputGrad',
} as const satisfies Record<string, string>;

/** The attribute of the kernels that can apply ReLU. */
export interface BatchNormTrainAttrs {
  readonly relu: boolean;
}

type Pass = 'batchNormCentre' | 'batchNormNormalise' | 'batchNormGradTerms' | 'batchNormInputGrad';

/**
 * Runs the pass `name` over tensors shaped like the first operand: each operand is a tensor (its heap
 * offset is passed), `'output'` (a new float32 tensor of that shape, returned in order) or `null`
 * (offset 0, for an operand the pass does not touch); then pixels, channels and `flags`.
 */
function runPass(name: Pass, backend: unknown, operands: readonly (tf.TensorInfo | 'output' | null)[], flags: readonly number[] = []): tf.TensorInfo[] {
  const heap = backend as WasmHeapBackend;
  const shape = (operands[0] as tf.TensorInfo).shape;
  const channels = shape[shape.length - 1];
  const pixels = tf.util.sizeFromShape(shape) / channels;
  const outputs: tf.TensorInfo[] = [];
  // all outputs are allocated before any offset is taken: an allocation may grow the heap
  const tensors = operands.map((o) => (o === 'output' ? outputs[outputs.push(heap.makeOutput([...shape], 'float32') as tf.TensorInfo) - 1] : o));
  runKernel(name, heap, [...tensors.map((t) => (t === null ? 0 : heapOffset(heap, t))), pixels, channels, ...flags]);
  return outputs;
}

type Inputs<K extends string> = Record<K, tf.TensorInfo>;

const reluFlag = (args: KernelArgs): number => ((args.attrs as unknown as BatchNormTrainAttrs).relu ? 1 : 0);

function centre(args: KernelArgs): tf.TensorInfo[] {
  const { x, mean } = args.inputs as Inputs<'x' | 'mean'>;
  return runPass('batchNormCentre', args.backend, [x, mean, 'output', 'output']);
}

function normalise(args: KernelArgs): tf.TensorInfo {
  const { centred, invStd, scale, offset } = args.inputs as Inputs<'centred' | 'invStd' | 'scale' | 'offset'>;
  return runPass('batchNormNormalise', args.backend, [centred, invStd, scale, offset, 'output'], [reluFlag(args)])[0];
}

function gradTerms(args: KernelArgs): tf.TensorInfo[] {
  const { dy, out, centred, invStd } = args.inputs as Inputs<'dy' | 'out' | 'centred' | 'invStd'>;
  const relu = reluFlag(args);
  return runPass('batchNormGradTerms', args.backend, [dy, relu ? out : null, centred, invStd, 'output', relu ? 'output' : null], [relu]);
}

function inputGrad(args: KernelArgs): tf.TensorInfo {
  const { dyIn, centred, invStd, meanDy, meanDyHat, factor } = args.inputs as Inputs<'dyIn' | 'centred' | 'invStd' | 'meanDy' | 'meanDyHat' | 'factor'>;
  return runPass('batchNormInputGrad', args.backend, [dyIn, centred, invStd, meanDy, meanDyHat, factor, 'output'])[0];
}

const kernelConfig = (kernelName: string, kernelFunc: (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[]): tf.KernelConfig => ({
  kernelName,
  backendName: 'wasm',
  kernelFunc: kernelFunc as unknown as tf.KernelFunc,
});

/** Kernel configs registered by `registerWasmTrainingKernels`. */
export const batchNormTrainWasmConfigs: readonly tf.KernelConfig[] = [
  kernelConfig(batchNormTrainKernels.centre, centre),
  kernelConfig(batchNormTrainKernels.normalise, normalise),
  kernelConfig(batchNormTrainKernels.gradTerms, gradTerms),
  kernelConfig(batchNormTrainKernels.inputGrad, inputGrad),
];
