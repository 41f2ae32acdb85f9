import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { SgdStep, type SgdStepAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/**
 * One variable's SGD step, the composite of `optim/sgd.ts` in one pass: out0 = v', and with momentum
 * out1 = buf' (g on the first step, then μ·buf + g).
 */
class SgdStepProgram implements FusedProgram {
  readonly variableNames: string[];
  readonly outputCount: number;
  readonly uniformNames = (['learningRate', 'momentum', 'weightDecay'] as const).map((name) => ({ name, type: 'f32' as const }));
  readonly shaderKey: string;

  constructor(private readonly step: { decay: boolean; momentum: boolean; first: boolean }) {
    this.variableNames = step.momentum && !step.first ? ['v', 'g', 'buf'] : ['v', 'g'];
    this.outputCount = step.momentum ? 2 : 1;
    this.shaderKey = `gstSgdStep_${step.decay}_${step.momentum}_${step.first}`;
  }

  getUserCode(): string {
    const { decay, momentum, first } = this.step;
    const update = !momentum ? 'grad' : first ? 'grad' : 'buf[i] * uniforms.momentum + grad';
    return `
      fn main(i : i32) {
        let grad = ${decay ? 'g[i] + v[i] * uniforms.weightDecay' : 'g[i]'};
        let update = ${update};
        ${momentum ? 'out1[i] = update;' : ''}
        out0[i] = v[i] - update * uniforms.learningRate;
      }
    `;
  }
}

/** `SgdStep` (`kernelNames.ts`) on webgpu: one dispatch per variable. */
function sgdStep(args: KernelArgs): tf.TensorInfo[] {
  const { v, g, buf } = args.inputs as Record<'v' | 'g' | 'buf', tf.TensorInfo>;
  const a = args.attrs as unknown as SgdStepAttrs;
  const program = new SgdStepProgram({ decay: a.weightDecay > 0, momentum: a.momentum > 0, first: a.first });
  const inputs = program.variableNames.length === 3 ? [v, g, buf] : [v, g];
  return runFusedProgram(
    args.backend as WebGPUBackend,
    program,
    inputs,
    { shapes: Array(program.outputCount).fill(v.shape), size: tf.util.sizeFromShape(v.shape) },
    [a.learningRate, a.momentum, a.weightDecay],
  );
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const sgdStepConfig: tf.KernelConfig = { kernelName: SgdStep, backendName: 'webgpu', kernelFunc: sgdStep as unknown as tf.KernelFunc };
