import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { Dense, type DenseAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { denseSizes, denseUniforms } from './Dense.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/**
 * out0[r, f, k] = Σ_i x[i, f]·dy[i, k] and out1[r, k] = Σ_i dy[i, k], i over member r's rows in order:
 * one invocation an output of either, the bias's after the kernel's.
 */
class DenseBackpropWeightProgram implements FusedProgram {
  readonly variableNames = ['x', 'dy'];
  readonly outputCount = 2;
  readonly uniformNames = denseUniforms;
  readonly shaderKey = 'gstDenseBackpropWeight';
  constructor(readonly macs: number) {}

  getUserCode(): string {
    return `
      fn main(index : i32) {
        let kernelSize = uniforms.members * uniforms.features * uniforms.classes;
        if (index < kernelSize) {
          let member = index / (uniforms.features * uniforms.classes);
          let f = (index / uniforms.classes) % uniforms.features;
          let k = index % uniforms.classes;
          let first = member * uniforms.rows;
          var sum = 0.0;
          for (var i = first; i < first + uniforms.rows; i = i + 1) {
            sum = sum + x[i * uniforms.features + f] * dy[i * uniforms.classes + k];
          }
          out0[index] = sum;
        } else {
          let j = index - kernelSize;
          let first = (j / uniforms.classes) * uniforms.rows;
          var sum = 0.0;
          for (var i = first; i < first + uniforms.rows; i = i + 1) {
            sum = sum + dy[i * uniforms.classes + j % uniforms.classes];
          }
          out1[j] = sum;
        }
      }
    `;
  }
}

/** `DenseBackpropWeight` (`kernelNames.ts`) on webgpu: ∂kernel and ∂bias of every member in one dispatch. */
function denseBackpropWeight(args: KernelArgs): tf.TensorInfo[] {
  const { x, dy } = args.inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const attrs = args.attrs as unknown as DenseAttrs;
  const sizes = denseSizes(x.shape[0], x.shape[1], dy.shape[1], attrs);
  const [rows, features, classes, members] = sizes;
  const shapes = [
    [members, features, classes],
    [members, classes],
  ];
  const outputs = members * (features + 1) * classes;
  return runFusedProgram(args.backend as WebGPUBackend, new DenseBackpropWeightProgram(outputs * rows), [x, dy], { shapes, size: outputs }, sizes);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const denseBackpropWeightConfig: tf.KernelConfig = {
  kernelName: Dense.weightGrad,
  backendName: 'webgpu',
  kernelFunc: denseBackpropWeight as unknown as tf.KernelFunc,
};
