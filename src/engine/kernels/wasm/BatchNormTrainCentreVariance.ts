import type { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runBatchNormPass } from './runBatchNormPass.js';

/** `BatchNormTrainCentreVariance` (`kernelNames.ts`) on wasm: `x − mean` and the channel means of its squares in one pass (`assembly/channelMeans.ts`; the squares are not written). */
function centreVariance(args: KernelArgs): tf.TensorInfo[] {
  const { x, mean } = args.inputs as Record<'x' | 'mean', tf.TensorInfo>;
  return runBatchNormPass('batchNormCentreVariance', args.backend, [x, mean, 'activation', 'channels'], { byImage: true });
}

/** Kernel config registered by `registerWasmKernels`. */
export const batchNormTrainCentreVarianceConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.centreVariance,
  backendName: 'wasm',
  kernelFunc: centreVariance as unknown as tf.KernelFunc,
};
