import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { channelMeans, channelSplit, partialSumPrologue, splitUniforms, splitValues } from './channelSums.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** Pass 1: out1 = centred = x − mean, out0 = the partial sums of centred² `[splits, vectors]`. */
class CentrePartialsProgram implements FusedProgram {
  readonly variableNames = ['x', 'mean'];
  readonly outputCount = 2;
  readonly uniformNames = splitUniforms;
  readonly shaderKey = 'gstBatchNormCentrePartials';

  getUserCode(): string {
    return `
      fn main(index : i32) {
        ${partialSumPrologue}
        let mu = mean[v];
        var sum = 0.0;
        for (var r = rowBegin; r < rowEnd; r = r + 1) {
          let i = (base + r) * uniforms.channels + c;
          let d = x[i] - mu;
          out1[i] = d;
          sum = sum + d * d;
        }
        out0[index] = sum;
      }
    `;
  }
}

/**
 * `BatchNormTrainCentreVariance` (`kernelNames.ts`) on webgpu: `[centred, variance, invStd]` in two
 * dispatches; with `runningVar`, `runningVar'` after them, the update in the second.
 */
function centreVariance(args: KernelArgs): tf.TensorInfo[] {
  const { x, mean, runningVar } = args.inputs as Record<'x' | 'mean', tf.TensorInfo> & { runningVar?: tf.TensorInfo };
  const backend = args.backend as WebGPUBackend;
  const { epsilon, momentum, members } = args.attrs as unknown as BatchNormTrainAttrs;
  const split = channelSplit(x.shape, members);
  const size = split.splits * split.vectors;
  const [partials, centred] = runFusedProgram(
    backend,
    new CentrePartialsProgram(),
    [x, mean],
    { shapes: [[split.splits, split.vectors], x.shape], size },
    splitValues(split),
  );
  // PyTorch's unbiased variance, n / (n − 1) as the composite update computes it
  const running = runningVar && { values: runningVar, momentum, unbiasedFactor: split.rows / Math.max(1, split.rows - 1) };
  return [centred, ...channelMeans(backend, [partials], split, { invStdEpsilon: epsilon, ...(running ? { running } : {}) })];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainCentreVarianceConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.centreVariance,
  backendName: 'webgpu',
  kernelFunc: centreVariance as unknown as tf.KernelFunc,
};
