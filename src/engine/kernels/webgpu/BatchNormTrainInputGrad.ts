import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { elementPrologue, elementUniforms, elementValues } from './channelSums.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** out0 = dx = (dyIn − (x̂·meanDyHat + meanDy))·factor, with x̂ = centred·invStd (vectors indexed by member and channel). */
class InputGradProgram implements FusedProgram {
  readonly variableNames = ['dyIn', 'centred', 'invStd', 'meanDy', 'meanDyHat', 'factor'];
  readonly outputCount = 1;
  readonly uniformNames = elementUniforms;
  readonly shaderKey = 'gstBatchNormInputGrad';

  getUserCode(): string {
    return `
      fn main(i : i32) {
        ${elementPrologue}
        out0[i] = (dyIn[i] - ((centred[i] * invStd[v]) * meanDyHat[v] + meanDy[v])) * factor[v];
      }
    `;
  }
}

/** `BatchNormTrainInputGrad` (`kernelNames.ts`) on webgpu: one dispatch. */
function inputGrad(args: KernelArgs): tf.TensorInfo {
  const { dyIn, centred, invStd, meanDy, meanDyHat, factor } = args.inputs as Record<
    'dyIn' | 'centred' | 'invStd' | 'meanDy' | 'meanDyHat' | 'factor',
    tf.TensorInfo
  >;
  const { members } = args.attrs as unknown as BatchNormTrainAttrs;
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new InputGradProgram(),
    [dyIn, centred, invStd, meanDy, meanDyHat, factor],
    { shapes: [dyIn.shape], size: tf.util.sizeFromShape(dyIn.shape) },
    elementValues(dyIn.shape, members),
  )[0];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainInputGradConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.inputGrad,
  backendName: 'webgpu',
  kernelFunc: inputGrad as unknown as tf.KernelFunc,
};
