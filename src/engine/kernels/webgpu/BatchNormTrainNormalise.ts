import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { BatchNormTrain, type BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** out0 = (centred·invStd)·scale + offset, then ReLU with `relu`; out1 = scale·invStd, the backward pass's factor. */
class NormaliseProgram implements FusedProgram {
  readonly variableNames = ['centred', 'invStd', 'scale', 'offset'];
  readonly outputCount = 2;
  readonly uniformNames = [{ name: 'channels', type: 'i32' as const }];
  readonly shaderKey: string;

  constructor(private readonly relu: boolean) {
    this.shaderKey = `gstBatchNormNormalise_${relu}`;
  }

  getUserCode(): string {
    return `
      fn main(i : i32) {
        let c = i % uniforms.channels;
        let y = (centred[i] * invStd[c]) * scale[c] + offset[c];
        out0[i] = ${this.relu ? 'max(y, 0.0)' : 'y'};
        if (i < uniforms.channels) { out1[i] = scale[i] * invStd[i]; }
      }
    `;
  }
}

/** `BatchNormTrainNormalise` (`kernelNames.ts`) on webgpu: `[out, factor]` in one dispatch. */
function normalise(args: KernelArgs): tf.TensorInfo[] {
  const { centred, invStd, scale, offset } = args.inputs as Record<'centred' | 'invStd' | 'scale' | 'offset', tf.TensorInfo>;
  const { relu } = args.attrs as unknown as BatchNormTrainAttrs;
  const size = tf.util.sizeFromShape(centred.shape);
  const channels = centred.shape[centred.shape.length - 1];
  const outputs = { shapes: [centred.shape, [channels]], size };
  return runFusedProgram(args.backend as WebGPUBackend, new NormaliseProgram(relu), [centred, invStd, scale, offset], outputs, [channels]);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const batchNormTrainNormaliseConfig: tf.KernelConfig = {
  kernelName: BatchNormTrain.normalise,
  backendName: 'webgpu',
  kernelFunc: normalise as unknown as tf.KernelFunc,
};
