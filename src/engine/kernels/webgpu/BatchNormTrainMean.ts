import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { channelMeans, channelSplit, partialSumPrologue, splitUniforms, splitValues } from './channelSums.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** Pass 1 of the channel means of `x`: out0 = the partial sums `[splits, vectors]`. */
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
        for (var r = rowBegin; r < rowEnd; r = r + 1) { sum = sum + x[(base + r) * uniforms.channels + c]; }
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
  const { momentum, members } = args.attrs as unknown as BatchNormTrainAttrs;
  const split = channelSplit(x.shape, members);
  const size = split.splits * split.vectors;
  const partials = runFusedProgram(backend, new MeanPartialsProgram(), [x], { shapes: [[split.splits, split.vectors]], size }, splitValues(split));
  if (runningMean === undefined) return channelMeans(backend, partials, split)[0];
  return channelMeans(backend, partials, split, { running: { values: runningMean, momentum, unbiasedFactor: 1 } });
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainMeanConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.mean,
  backendName: 'webgpu',
  kernelFunc: mean as unknown as tf.KernelFunc,
};
