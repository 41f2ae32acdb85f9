import type { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { reluFlag, runBatchNormPass, type Operand } from './runBatchNormPass.js';

/** `BatchNormTrainGradMeans` (`kernelNames.ts`) on wasm: the channel means of `dyIn` and `dyIn·x̂` (and `dyIn` itself with ReLU) in one pass (`assembly/channelMeans.ts`; the products are not written). */
function gradMeans(args: KernelArgs): tf.TensorInfo[] {
  const { dy, out, centred, invStd } = args.inputs as Record<'dy' | 'out' | 'centred' | 'invStd', tf.TensorInfo>;
  const relu = reluFlag(args);
  const operands: Operand[] = [dy, relu ? out : null, centred, invStd, relu ? 'activation' : null, 'channels', 'channels'];
  const outputs = runBatchNormPass('batchNormGradMeans', args.backend, operands, { byImage: true, flags: [relu] });
  // in operand order: [dyIn, meanDy, meanDyHat] with ReLU, [meanDy, meanDyHat] without
  return relu ? [outputs[1], outputs[2], outputs[0]] : outputs;
}

/** Kernel config registered by `registerWasmKernels`. */
export const batchNormTrainGradMeansConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.gradMeans,
  backendName: 'wasm',
  kernelFunc: gradMeans as unknown as tf.KernelFunc,
};
