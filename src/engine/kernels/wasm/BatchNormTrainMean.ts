import type { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runBatchNormPass } from './runBatchNormPass.js';

/** `BatchNormTrainMean` (`kernelNames.ts`) on wasm: the channel means of `x` in one pass (`assembly/channelMeans.ts`, natively `native/channelMeans.h`), pooled per image in XNNPACK's `gavgpool` order and then over the batch as tfjs' `Mean`, so bit-identical to the composite ops. */
function mean(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as Record<'x', tf.TensorInfo>;
  return runBatchNormPass('batchNormMean', args.backend, [x, 'channels'], { byImage: true })[0];
}

/** Kernel config registered by `registerWasmKernels`. */
export const batchNormTrainMeanConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.mean,
  backendName: 'wasm',
  kernelFunc: mean as unknown as tf.KernelFunc,
};
