import type { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runBatchNormPass } from './runBatchNormPass.js';

/** `BatchNormTrainInputGrad` (`kernelNames.ts`) on wasm: the input gradient from the pass above's means in one pass (`assembly/batchNormTrain.ts`). */
function inputGrad(args: KernelArgs): tf.TensorInfo {
  const { dyIn, centred, invStd, meanDy, meanDyHat, factor } = args.inputs as Record<
    'dyIn' | 'centred' | 'invStd' | 'meanDy' | 'meanDyHat' | 'factor',
    tf.TensorInfo
  >;
  return runBatchNormPass('batchNormInputGrad', args.backend, [dyIn, centred, invStd, meanDy, meanDyHat, factor, 'activation'])[0];
}

/** Kernel config registered by `registerWasmKernels`. */
export const batchNormTrainInputGradConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.inputGrad,
  backendName: 'wasm',
  kernelFunc: inputGrad as unknown as tf.KernelFunc,
};
