import type { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { reluFlag, runBatchNormPass } from './runBatchNormPass.js';

/** `BatchNormTrainNormalise` (`kernelNames.ts`) on wasm: `centred · invStd · scale + offset` (then ReLU) in one pass (`assembly/batchNormTrain.ts`). */
function normalise(args: KernelArgs): tf.TensorInfo {
  const { centred, invStd, scale, offset } = args.inputs as Record<'centred' | 'invStd' | 'scale' | 'offset', tf.TensorInfo>;
  return runBatchNormPass('batchNormNormalise', args.backend, [centred, invStd, scale, offset, 'activation'], { flags: [reluFlag(args)] })[0];
}

/** Kernel config registered by `registerWasmKernels`. */
export const batchNormTrainNormaliseConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.normalise,
  backendName: 'wasm',
  kernelFunc: normalise as unknown as tf.KernelFunc,
};
