import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** out0 = dx = (dyIn − (x̂·meanDyHat + meanDy))·factor, with x̂ = centred·invStd. */
class InputGradProgram implements FusedProgram {
  readonly variableNames = ['dyIn', 'centred', 'invStd', 'meanDy', 'meanDyHat', 'factor'];
  readonly outputCount = 1;
  readonly uniformNames = [{ name: 'channels', type: 'i32' as const }];
  readonly shaderKey = 'gstBatchNormInputGrad';

  getUserCode(): string {
    return `
      fn main(i : i32) {
        let c = i % uniforms.channels;
        out0[i] = (dyIn[i] - ((centred[i] * invStd[c]) * meanDyHat[c] + meanDy[c])) * factor[c];
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
  const size = tf.util.sizeFromShape(dyIn.shape);
  const channels = dyIn.shape[dyIn.shape.length - 1];
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new InputGradProgram(),
    [dyIn, centred, invStd, meanDy, meanDyHat, factor],
    { shapes: [dyIn.shape], size },
    [channels],
  )[0];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainInputGradConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.inputGrad,
  backendName: 'webgpu',
  kernelFunc: inputGrad as unknown as tf.KernelFunc,
};
