/**
 * The dispatch audit of a webgpu training step (`npm run gpu:audit`), which needs no GPU: every
 * program tfjs records in one step is read before it is dispatched, and not dispatched (the shapes of
 * a step do not depend on its values), so a batch-128 VGG11 step costs seconds on the software
 * adapter. Per dispatch: workgroups × workgroup size, the multiply-adds it carries, and the products
 * summed into one output element (the serial loop a GPU cannot hide: the outputs of one invocation are
 * independent, the products of one output are not). The audit's rules keep the kernels GPU-shaped
 * between GPU leases (docs/GPU.md).
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../engine/tf.js';

/** One dispatch as the audit read it. */
export interface AuditedDispatch {
  /** The program's class (tfjs' `Conv2DDerFilterProgram`, this project's `ConvGemmProgram`, …). */
  readonly program: string;
  readonly invocations: number;
  /** Multiply-adds (elementwise programs: one per output element). */
  readonly macs: number;
  /** Products summed into one output element: multiply-adds ÷ output elements. */
  readonly serialLength: number;
}

type Shapes = { inputs: readonly (readonly number[])[]; output: readonly number[] };
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Multiply-adds of the programs that carry a step's arithmetic, by program class, where a program does not declare its `macs`; any other program: one per output element. */
const macsOf: Readonly<Record<string, (s: Shapes, program: WebGPUProgram) => number>> = {
  // forward convolution: every output element sums kh·kw·C_in products
  Conv2DMMProgram: (s) => size(s.output) * size(s.inputs[1].slice(0, 3)),
  Conv2DNaiveProgram: (s) => size(s.output) * size(s.inputs[1].slice(0, 3)),
  // input gradient: every dx element sums kh·kw·C_out products (an upper bound with strides)
  Conv2DDerInputMMProgram: (s) => size(s.output) * s.inputs[1][0] * s.inputs[1][1] * s.inputs[1][3],
  Conv2DDerInputProgram: (s) => size(s.output) * s.inputs[1][0] * s.inputs[1][1] * s.inputs[1][3],
  // filter gradient: every dW element sums batch·outH·outW products
  Conv2DDerFilterProgram: (s) => size(s.output) * size(s.inputs[1].slice(0, 3)),
  // this project's convolutions, any of the three
  ConvGemmProgram: (_, program) => {
    const { m, n, k } = (program as unknown as { gemm: { m: number; n: number; k: number } }).gemm;
    return m * n * k;
  },
  ChunkSumProgram: (s) => size(s.inputs[0]),
  // matrix products [batch, M, K] × [batch, K, N]: the shared dimension is the one the output lacks
  MatMulPackedProgram: (s) => size(s.output) * matmulDepth(s),
  MatMulSmallOutputSizeProgram: (s) => size(s.output) * matmulDepth(s),
  MatMulSplitKProgram: (s) => size(s.output) * matmulDepth(s),
  MatMulReduceProgram: (s) => size(s.output) * matmulDepth(s),
};

function matmulDepth(s: Shapes): number {
  const [a] = s.inputs;
  const m = s.output[s.output.length - 2];
  return a[a.length - 1] === m ? a[a.length - 2] : a[a.length - 1];
}

/**
 * Records the programs of `step` on the active webgpu backend, without dispatching them (or, with
 * `dispatch`, dispatching them as usual: `gpu:profile` counts a real step's dispatches).
 *
 * @example
 * ```ts
 * const dispatches = await auditDispatches(() => trainStep({ model, optimizer, x, y, shape, learningRate: 1e-3 }));
 * ```
 */
export async function auditDispatches(step: () => Promise<unknown>, options: { dispatch?: boolean } = {}): Promise<AuditedDispatch[]> {
  if (tf.getBackend() !== 'webgpu') throw new Error(`auditDispatches: the active backend is '${tf.getBackend()}'; it audits 'webgpu' (GST_BACKEND=webgpu)`);
  // tfjs declares recordAndSubmit private; the audit replaces it for the length of one step
  type Record = (program: WebGPUProgram, output: tf.TensorInfo, inputs: tf.TensorInfo[], uniforms?: unknown) => void;
  const backend = tf.backend() as unknown as { recordAndSubmit: Record };
  const recorded: AuditedDispatch[] = [];
  const original = backend.recordAndSubmit;
  backend.recordAndSubmit = (program, output, inputs, uniforms) => {
    const name = program.constructor.name;
    const shapes = { inputs: inputs.map((t) => t.shape), output: output.shape };
    const invocations = size(program.dispatch) * size(program.workgroupSize);
    const declared = (program as { macs?: number }).macs;
    const macs = declared ?? (macsOf[name] ?? ((s: Shapes) => size(s.output)))(shapes, program);
    recorded.push({ program: name, invocations, macs, serialLength: macs / size(output.shape) });
    if (options.dispatch === true) original.call(backend, program, output, inputs, uniforms);
  };
  try {
    await step();
  } finally {
    backend.recordAndSubmit = original;
  }
  return recorded;
}

/** The audit's rules (issue 31): a dispatch that carries more than 1 % of a step's multiply-adds needs ≥ 32,768 invocations and sums ≤ 4,096 products into one output element. */
export const auditRules = { heavyShare: 0.01, minInvocations: 32_768, maxSerialLength: 4096 } as const;

/** The dispatches that break {@link auditRules}, with why. */
export function auditViolations(dispatches: readonly AuditedDispatch[]): { dispatch: AuditedDispatch; why: string }[] {
  const total = dispatches.reduce((s, d) => s + d.macs, 0);
  return dispatches.flatMap((d) => {
    if (d.macs <= auditRules.heavyShare * total) return [];
    const why = [
      d.invocations < auditRules.minInvocations ? `${d.invocations} invocations < ${auditRules.minInvocations}` : '',
      d.serialLength > auditRules.maxSerialLength ? `${Math.round(d.serialLength)} products summed per output > ${auditRules.maxSerialLength}` : '',
    ].filter((w) => w !== '');
    return why.length === 0 ? [] : [{ dispatch: d, why: why.join('; ') }];
  });
}
