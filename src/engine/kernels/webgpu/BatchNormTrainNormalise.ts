import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { elementPrologue, elementUniforms, elementValues } from './channelSums.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/**
 * out0 = (centred·invStd)·scale + offset, then ReLU with `relu`; out1 = scale·invStd, the backward
 * pass's factor (vectors indexed by member and channel). With `masked`, scale and offset are first multiplied by `mask` (γ·mask, β·mask).
 */
class NormaliseProgram implements FusedProgram {
  readonly variableNames: string[];
  readonly outputCount = 2;
  readonly uniformNames = elementUniforms;
  readonly shaderKey: string;

  constructor(
    private readonly relu: boolean,
    private readonly masked: boolean,
  ) {
    this.variableNames = masked ? ['centred', 'invStd', 'scale', 'offset', 'mask'] : ['centred', 'invStd', 'scale', 'offset'];
    this.shaderKey = `gstBatchNormNormalise_${relu}_${masked}`;
  }

  getUserCode(): string {
    const factors = (c: string) =>
      this.masked ? `let s = scale[${c}] * mask[${c}]; let o = offset[${c}] * mask[${c}];` : `let s = scale[${c}]; let o = offset[${c}];`;
    return `
      fn main(i : i32) {
        ${elementPrologue}
        ${factors('v')}
        let y = (centred[i] * invStd[v]) * s + o;
        out0[i] = ${this.relu ? 'max(y, 0.0)' : 'y'};
        if (i < uniforms.vectors) {
          ${factors('i')}
          out1[i] = s * invStd[i];
        }
      }
    `;
  }
}

/** `BatchNormTrainNormalise` (`kernelNames.ts`) on webgpu: `[out, factor]` in one dispatch, the unit's `mask` applied where given. */
function normalise(args: KernelArgs): tf.TensorInfo[] {
  const { centred, invStd, scale, offset, mask } = args.inputs as Record<'centred' | 'invStd' | 'scale' | 'offset', tf.TensorInfo> & { mask?: tf.TensorInfo };
  const { relu, members } = args.attrs as unknown as BatchNormTrainAttrs;
  const uniforms = elementValues(centred.shape, members);
  const outputs = { shapes: [centred.shape, [uniforms[1]]], size: tf.util.sizeFromShape(centred.shape) };
  const inputs = [centred, invStd, scale, offset, ...(mask ? [mask] : [])];
  return runFusedProgram(args.backend as WebGPUBackend, new NormaliseProgram(relu, mask !== undefined), inputs, outputs, uniforms);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainNormaliseConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.normalise,
  backendName: 'webgpu',
  kernelFunc: normalise as unknown as tf.KernelFunc,
};
