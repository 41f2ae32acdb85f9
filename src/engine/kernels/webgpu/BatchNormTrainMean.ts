import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
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

/**
 * `BatchNormTrainMean` (`kernelNames.ts`) on webgpu: the channel means of `x` in two dispatches
 * (`channelSums.ts`); with `runningMean`, `[mean, runningMean']`, the update in the second.
 */
function mean(args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] {
  const { x, runningMean } = args.inputs as Record<'x', tf.TensorInfo> & { runningMean?: tf.TensorInfo };
  const backend = args.backend as WebGPUBackend;
  const split = channelSplit(x.shape);
  const size = split.splits * split.channels;
  const partials = runFusedProgram(backend, new MeanPartialsProgram(), [x], { shapes: [[split.splits, split.channels]], size }, splitValues(split));
  if (runningMean === undefined) return channelMeans(backend, partials, split)[0];
  const { momentum } = args.attrs as unknown as BatchNormTrainAttrs;
  return channelMeans(backend, partials, split, { running: { values: runningMean, momentum, unbiasedFactor: 1 } });
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainMeanConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.mean,
  backendName: 'webgpu',
  kernelFunc: mean as unknown as tf.KernelFunc,
};
