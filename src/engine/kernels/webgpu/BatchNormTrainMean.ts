import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { BatchNormTrain } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { channelMeans, channelSplit, partialSumPrologue, splitUniforms, splitValues } from './channelSums.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** Pass 1 of the channel means of `x`: out0 = the partial sums `[splits, C]`. */
class MeanPartialsProgram implements FusedProgram {
  readonly variableNames = ['x'];
  readonly outputCount = 1;
  readonly uniformNames = splitUniforms;
  readonly shaderKey = 'gstBatchNormMeanPartials';

  getUserCode(): string {
    return `
      fn main(index : i32) {
        ${partialSumPrologue}
        var sum = 0.0;
        for (var r = rowBegin; r < rowEnd; r = r + 1) { sum = sum + x[r * uniforms.channels + c]; }
        out0[index] = sum;
      }
    `;
  }
}

/** `BatchNormTrainMean` (`kernelNames.ts`) on webgpu: the channel means of `x` in two dispatches (`channelSums.ts`). */
function mean(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as Record<'x', tf.TensorInfo>;
  const backend = args.backend as WebGPUBackend;
  const split = channelSplit(x.shape);
  const size = split.splits * split.channels;
  const partials = runFusedProgram(backend, new MeanPartialsProgram(), [x], { shapes: [[split.splits, split.channels]], size }, splitValues(split));
  return channelMeans(backend, partials, split)[0];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainMeanConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.mean,
  backendName: 'webgpu',
  kernelFunc: mean as unknown as tf.KernelFunc,
};
