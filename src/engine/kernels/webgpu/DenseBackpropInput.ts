import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { Dense, type DenseAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { denseSizes, denseUniforms } from './Dense.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** out0[i, f] = Σ_k dy[i, k]·kernel[r, f, k], r = i / B; one invocation an output. */
class DenseBackpropInputProgram implements FusedProgram {
  readonly variableNames = ['dy', 'kernel'];
  readonly outputCount = 1;
  readonly uniformNames = denseUniforms;
  readonly shaderKey = 'gstDenseBackpropInput';
  constructor(readonly macs: number) {}

  getUserCode(): string {
    return `
      fn main(index : i32) {
        let row = index / uniforms.features;
        let f = index % uniforms.features;
        let w = ((row / uniforms.rows) * uniforms.features + f) * uniforms.classes;
        var sum = 0.0;
        for (var k = 0; k < uniforms.classes; k = k + 1) {
          sum = sum + dy[row * uniforms.classes + k] * kernel[w + k];
        }
        out0[index] = sum;
      }
    `;
  }
}

/** `DenseBackpropInput` (`kernelNames.ts`) on webgpu: ∂x of every member in one dispatch. */
function denseBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { dy, kernel } = args.inputs as Record<'dy' | 'kernel', tf.TensorInfo>;
  const attrs = args.attrs as unknown as DenseAttrs;
  const features = kernel.shape[kernel.shape.length - 2];
  const sizes = denseSizes(dy.shape[0], features, dy.shape[1], attrs);
  const outputs = dy.shape[0] * features;
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new DenseBackpropInputProgram(outputs * dy.shape[1]),
    [dy, kernel],
    { shapes: [[dy.shape[0], features]], size: outputs },
    sizes,
  )[0];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const denseBackpropInputConfig: tf.KernelConfig = {
  kernelName: Dense.inputGrad,
  backendName: 'webgpu',
  kernelFunc: denseBackpropInput as unknown as tf.KernelFunc,
};
