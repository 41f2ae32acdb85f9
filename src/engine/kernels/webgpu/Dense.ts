import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { Dense, type DenseAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** The uniforms of the {@link Dense} programs: rows B a member, features F, classes K, members R. */
export const denseUniforms = [
  { name: 'rows', type: 'i32' as const },
  { name: 'features', type: 'i32' as const },
  { name: 'classes', type: 'i32' as const },
  { name: 'members', type: 'i32' as const },
];

/** The values of {@link denseUniforms} for `R·B` rows of `F` features and `K` classes. */
export function denseSizes(
  allRows: number,
  features: number,
  classes: number,
  { members }: DenseAttrs,
): [rows: number, features: number, classes: number, members: number] {
  return [allRows / members, features, classes, members];
}

/** out0[i, k] = (Σ_f x[i, f]·kernel[r, f, k]) + bias[r, k], r = i / B; one invocation an output. */
class DenseProgram implements FusedProgram {
  readonly variableNames = ['x', 'kernel', 'bias'];
  readonly outputCount = 1;
  readonly uniformNames = denseUniforms;
  readonly shaderKey = 'gstDense';
  constructor(readonly macs: number) {}

  getUserCode(): string {
    return `
      fn main(index : i32) {
        let row = index / uniforms.classes;
        let k = index % uniforms.classes;
        let member = row / uniforms.rows;
        let w = member * uniforms.features * uniforms.classes + k;
        var sum = 0.0;
        for (var f = 0; f < uniforms.features; f = f + 1) {
          sum = sum + x[row * uniforms.features + f] * kernel[w + f * uniforms.classes];
        }
        out0[index] = sum + bias[member * uniforms.classes + k];
      }
    `;
  }
}

/** `Dense` (`kernelNames.ts`) on webgpu: every member's head in one dispatch. */
function dense(args: KernelArgs): tf.TensorInfo {
  const { x, kernel, bias } = args.inputs as Record<'x' | 'kernel' | 'bias', tf.TensorInfo>;
  const sizes = denseSizes(x.shape[0], x.shape[1], kernel.shape[kernel.shape.length - 1], args.attrs as unknown as DenseAttrs);
  const [rows, features, classes, members] = sizes;
  const outputs = members * rows * classes;
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new DenseProgram(outputs * features),
    [x, kernel, bias],
    { shapes: [[members * rows, classes]], size: outputs },
    sizes,
  )[0];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const denseConfig: tf.KernelConfig = {
  kernelName: Dense.forward,
  backendName: 'webgpu',
  kernelFunc: dense as unknown as tf.KernelFunc,
};
