import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { channelMeans, channelSplit, partialSumPrologue, splitUniforms, splitValues } from './channelSums.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/**
 * Pass 1: out0, out1 = the partial sums of dyIn and of dyIn·x̂ `[splits, vectors]`, where x̂ = centred·invStd
 * and dyIn = dy, or with ReLU dy·step(out), then written to out2.
 */
class GradPartialsProgram implements FusedProgram {
  readonly variableNames: string[];
  readonly outputCount: number;
  readonly uniformNames = splitUniforms;
  readonly shaderKey: string;

  constructor(private readonly relu: boolean) {
    this.variableNames = relu ? ['dy', 'centred', 'invStd', 'out'] : ['dy', 'centred', 'invStd'];
    this.outputCount = relu ? 3 : 2;
    this.shaderKey = `gstBatchNormGradPartials_${relu}`;
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        ${partialSumPrologue}
        let inv = invStd[v];
        var sumDy = 0.0;
        var sumDyHat = 0.0;
        for (var r = rowBegin; r < rowEnd; r = r + 1) {
          let i = (base + r) * uniforms.channels + c;
          ${this.relu ? 'let g = dy[i] * select(0.0, 1.0, out[i] > 0.0); out2[i] = g;' : 'let g = dy[i];'}
          sumDy = sumDy + g;
          sumDyHat = sumDyHat + g * (centred[i] * inv);
        }
        out0[index] = sumDy;
        out1[index] = sumDyHat;
      }
    `;
  }
}

/**
 * `BatchNormTrainGradMeans` (`kernelNames.ts`) on webgpu: `[meanDy, meanDyHat]` (and `dyIn` with ReLU),
 * then `dβ`, `dγ` (the means times the rows, and times the unit's `mask` where given), in two dispatches.
 */
function gradMeans(args: KernelArgs): tf.TensorInfo[] {
  const { dy, centred, invStd, out, mask } = args.inputs as Record<'dy' | 'centred' | 'invStd', tf.TensorInfo> & { out?: tf.TensorInfo; mask?: tf.TensorInfo };
  const { relu, members } = args.attrs as unknown as BatchNormTrainAttrs;
  const backend = args.backend as WebGPUBackend;
  const split = channelSplit(dy.shape, members);
  const partialShape = [split.splits, split.vectors];
  const [sumDy, sumDyHat, dyIn] = runFusedProgram(
    backend,
    new GradPartialsProgram(relu),
    relu && out ? [dy, centred, invStd, out] : [dy, centred, invStd],
    { shapes: relu ? [partialShape, partialShape, dy.shape] : [partialShape, partialShape], size: split.splits * split.vectors },
    splitValues(split),
  );
  const [meanDy, meanDyHat, dBeta, dGamma] = channelMeans(backend, [sumDy, sumDyHat], split, { timesRows: true, timesMask: mask });
  return relu ? [meanDy, meanDyHat, dyIn, dBeta, dGamma] : [meanDy, meanDyHat, dBeta, dGamma];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainGradMeansConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.gradMeans,
  backendName: 'webgpu',
  kernelFunc: gradMeans as unknown as tf.KernelFunc,
};
