import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { AdamStep, adamStepScalars, type AdamStepAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/** One variable's Adam step, the composite of `optim/adam.ts` in one pass: out0 = v', out1 = m', out2 = s'. */
class AdamStepProgram implements FusedProgram {
  readonly variableNames = ['v', 'g', 'm', 's'];
  readonly outputCount = 3;
  readonly uniformNames = (['weightDecay', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'sqrtC2', 'epsilon', 'stepSize'] as const).map((name) => ({
    name,
    type: 'f32' as const,
  }));
  readonly shaderKey: string;

  constructor(private readonly decay: boolean) {
    this.shaderKey = `gstAdamStep_${decay}`;
  }

  getUserCode(): string {
    return `
      fn main(i : i32) {
        let grad = ${this.decay ? 'g[i] + v[i] * uniforms.weightDecay' : 'g[i]'};
        let first = m[i] * uniforms.beta1 + grad * uniforms.oneMinusBeta1;
        let second = s[i] * uniforms.beta2 + (grad * grad) * uniforms.oneMinusBeta2;
        out1[i] = first;
        out2[i] = second;
        out0[i] = v[i] - (first * uniforms.stepSize) / (sqrt(second) / uniforms.sqrtC2 + uniforms.epsilon);
      }
    `;
  }
}

/** `AdamStep` (`kernelNames.ts`) on webgpu: one dispatch per variable instead of the composite's thirteen. */
function adamStep(args: KernelArgs): tf.TensorInfo[] {
  const { v, g, m, s } = args.inputs as Record<'v' | 'g' | 'm' | 's', tf.TensorInfo>;
  const a = args.attrs as unknown as AdamStepAttrs;
  const program = new AdamStepProgram(a.weightDecay > 0);
  const outputs = { shapes: [v.shape, v.shape, v.shape], size: tf.util.sizeFromShape(v.shape) };
  return runFusedProgram(args.backend as WebGPUBackend, program, [v, g, m, s], outputs, adamStepScalars(a));
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const adamStepConfig: tf.KernelConfig = { kernelName: AdamStep, backendName: 'webgpu', kernelFunc: adamStep as unknown as tf.KernelFunc };
