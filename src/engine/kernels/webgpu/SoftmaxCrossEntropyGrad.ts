import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { SoftmaxCrossEntropyGrad, type SoftmaxCrossEntropyAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';
import { rowLogSumExp, softmaxUniforms, softmaxValues } from './SoftmaxCrossEntropy.js';

/** out0[i, j] = (dy / divisor)·(exp(logits[i, j] − lse_i) − [j = label_i]), tfjs' gradient in its order; one invocation per logit. */
class SoftmaxCrossEntropyGradProgram implements FusedProgram {
  readonly variableNames = ['logits', 'labels', 'dy'];
  readonly intInputs = ['labels'];
  readonly outputCount = 1;
  readonly uniformNames = softmaxUniforms;
  readonly shaderKey = 'gstSoftmaxCrossEntropyGrad';

  getUserCode(): string {
    return `
      ${rowLogSumExp}
      fn main(index : i32) {
        let row = index / uniforms.classes;
        let oneHot = select(0.0, 1.0, labels[row] == index % uniforms.classes);
        out0[index] = (dy[0] / uniforms.divisor) * (exp(logits[index] - rowLogSumExp(row)) - oneHot);
      }
    `;
  }
}

/** `SoftmaxCrossEntropyGrad` (`kernelNames.ts`) on webgpu: ∂logits in one dispatch. */
function softmaxCrossEntropyGrad(args: KernelArgs): tf.TensorInfo {
  const { logits, labels, dy } = args.inputs as Record<'logits' | 'labels' | 'dy', tf.TensorInfo>;
  const attrs = args.attrs as unknown as SoftmaxCrossEntropyAttrs;
  const size = tf.util.sizeFromShape(logits.shape);
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new SoftmaxCrossEntropyGradProgram(),
    [logits, labels, dy],
    { shapes: [logits.shape], size },
    softmaxValues(logits, attrs),
  )[0];
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const softmaxCrossEntropyGradConfig: tf.KernelConfig = {
  kernelName: SoftmaxCrossEntropyGrad,
  backendName: 'webgpu',
  kernelFunc: softmaxCrossEntropyGrad as unknown as tf.KernelFunc,
};
