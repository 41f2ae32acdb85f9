import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { BatchNormRunningUpdate, type BatchNormRunningUpdateAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** out0 = runningMean·(1 − m) + mean·m, out1 = runningVar·(1 − m) + (variance·unbiasedFactor)·m: the composite's operations in its order. */
class RunningUpdateProgram implements FusedProgram {
  readonly variableNames = ['runningMean', 'runningVar', 'mean', 'variance'];
  readonly outputCount = 2;
  readonly uniformNames = (['keep', 'momentum', 'unbiasedFactor'] as const).map((name) => ({ name, type: 'f32' as const }));
  readonly shaderKey = 'gstBatchNormRunningUpdate';

  getUserCode(): string {
    return `
      fn main(c : i32) {
        out0[c] = runningMean[c] * uniforms.keep + mean[c] * uniforms.momentum;
        out1[c] = runningVar[c] * uniforms.keep + (variance[c] * uniforms.unbiasedFactor) * uniforms.momentum;
      }
    `;
  }
}

/** `BatchNormRunningUpdate` (`kernelNames.ts`) on webgpu: one dispatch per unit instead of the composite's seven. */
function runningUpdate(args: KernelArgs): tf.TensorInfo[] {
  const { runningMean, runningVar, mean, variance } = args.inputs as Record<'runningMean' | 'runningVar' | 'mean' | 'variance', tf.TensorInfo>;
  const a = args.attrs as unknown as BatchNormRunningUpdateAttrs;
  const size = tf.util.sizeFromShape(mean.shape);
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new RunningUpdateProgram(),
    [runningMean, runningVar, mean, variance],
    { shapes: [mean.shape, mean.shape], size },
    [1 - a.momentum, a.momentum, a.unbiasedFactor],
  );
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormRunningUpdateConfig: tf.KernelConfig = {
  kernelName: BatchNormRunningUpdate,
  backendName: 'webgpu',
  kernelFunc: runningUpdate as unknown as tf.KernelFunc,
};
