import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { SoftmaxCrossEntropy, type SoftmaxCrossEntropyAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** The uniforms of the softmax cross-entropy programs: rows B a member, classes K, and B with `mean`, else 1. */
export const softmaxUniforms = [
  { name: 'rows', type: 'i32' as const },
  { name: 'classes', type: 'i32' as const },
  { name: 'divisor', type: 'f32' as const },
];

/** The values of {@link softmaxUniforms} for `logits` `[R·B, K]`. */
export const softmaxValues = (logits: tf.TensorInfo, { mean, members }: SoftmaxCrossEntropyAttrs): number[] => [
  logits.shape[0] / members,
  logits.shape[1],
  mean ? logits.shape[0] / members : 1,
];

/** WGSL: `rowLogSumExp(i)` = m + log Σ_j exp(logits[i, j] − m), m the row's largest logit (tfjs' `logSumExp`). */
export const rowLogSumExp = `
      fn rowLogSumExp(row : i32) -> f32 {
        let base = row * uniforms.classes;
        var m = logits[base];
        for (var j = 1; j < uniforms.classes; j = j + 1) { m = max(m, logits[base + j]); }
        var s = 0.0;
        for (var j = 0; j < uniforms.classes; j = j + 1) { s = s + exp(logits[base + j] - m); }
        return m + log(s);
      }`;

/**
 * One invocation a member walks its rows in order: out0[r] = Σ_i (lse_i − logits[i, label_i]) / divisor
 * (a label outside [0, K) adds nothing: its one-hot row is 0), out1[r] = the rows whose first largest
 * logit is at the label. Serial on purpose: B·K is a few thousand operations, and a fixed order needs
 * no second dispatch to add partial sums.
 */
class SoftmaxCrossEntropyProgram implements FusedProgram {
  readonly variableNames = ['logits', 'labels'];
  readonly intInputs = ['labels'];
  readonly outputCount = 2;
  readonly uniformNames = softmaxUniforms;
  readonly shaderKey = 'gstSoftmaxCrossEntropy';

  getUserCode(): string {
    return `
      ${rowLogSumExp}
      fn main(index : i32) {
        var lossSum = 0.0;
        var hits = 0.0;
        for (var i = index * uniforms.rows; i < (index + 1) * uniforms.rows; i = i + 1) {
          let base = i * uniforms.classes;
          let label = labels[i];
          var best = 0;
          for (var j = 1; j < uniforms.classes; j = j + 1) {
            if (logits[base + j] > logits[base + best]) { best = j; }
          }
          if (best == label) { hits = hits + 1.0; }
          if (label >= 0 && label < uniforms.classes) { lossSum = lossSum + (rowLogSumExp(i) - logits[base + label]); }
        }
        out0[index] = lossSum / uniforms.divisor;
        out1[index] = hits;
      }
    `;
  }
}

/** `SoftmaxCrossEntropy` (`kernelNames.ts`) on webgpu: `[loss, hits]` of every member in one dispatch instead of tfjs' composite's ~25 each. */
function softmaxCrossEntropy(args: KernelArgs): tf.TensorInfo[] {
  const { logits, labels } = args.inputs as Record<'logits' | 'labels', tf.TensorInfo>;
  const attrs = args.attrs as unknown as SoftmaxCrossEntropyAttrs;
  return runFusedProgram(
    args.backend as WebGPUBackend,
    new SoftmaxCrossEntropyProgram(),
    [logits, labels],
    { shapes: attrs.members === 1 ? [[], []] : [[attrs.members], [attrs.members]], size: attrs.members },
    softmaxValues(logits, attrs),
  );
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const softmaxCrossEntropyConfig: tf.KernelConfig = {
  kernelName: SoftmaxCrossEntropy,
  backendName: 'webgpu',
  kernelFunc: softmaxCrossEntropy as unknown as tf.KernelFunc,
};
