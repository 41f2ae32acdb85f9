import { tf } from '../tf.js';
import { runKernel } from './assemblyKernels.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';
import type { KernelArgs } from './wasmKernelScope.js';

/**
 * Names of this project's optimizer-step kernels (`assembly/optimizerSteps.ts`), registered for wasm
 * only; other backends run the composite steps of `optim/sgd.ts` and `optim/adam.ts`, which these
 * reproduce bit for bit in one pass over a variable instead of one kernel (and one scalar tensor)
 * per operation:
 * - `SgdStep`: `v`, `g`, `buf`; `learningRate`, `momentum`, `weightDecay`, `first` → `[v', buf']`
 *   (`[v']` with momentum 0);
 * - `AdamStep`: `v`, `g`, `m`, `s`; `weightDecay`, `beta1`, `beta2`, `epsilon`, `sqrtC2` (√ of the second
 *   moment's bias correction), `stepSize` (the learning rate over the first one's) → `[v', m', s']`.
 */
export const optimizerStepKernels = { sgd: 'SgdStep', adam: 'AdamStep' } as const satisfies Record<string, string>;

/** The attributes of `SgdStep`. */
export interface SgdStepAttrs {
  readonly learningRate: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly first: boolean;
}

/** The attributes of `AdamStep`. */
export interface AdamStepAttrs {
  readonly weightDecay: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly sqrtC2: number;
  readonly stepSize: number;
}

type Inputs<K extends string> = Record<K, tf.TensorInfo>;

/** New float32 outputs shaped like `like`, allocated before any heap offset is taken (an allocation may grow the heap). */
const outputsLike = (backend: WasmHeapBackend, like: tf.TensorInfo, count: number) =>
  Array.from({ length: count }, () => backend.makeOutput([...like.shape], 'float32') as tf.TensorInfo);

function sgdStep(args: KernelArgs): tf.TensorInfo[] {
  const { v, g, buf } = args.inputs as Inputs<'v' | 'g' | 'buf'>;
  const a = args.attrs as unknown as SgdStepAttrs;
  const heap = args.backend as WasmHeapBackend;
  const outputs = outputsLike(heap, v, a.momentum > 0 ? 2 : 1);
  const [vOut, bufOut] = outputs;
  const at = (t: tf.TensorInfo | undefined) => (t === undefined ? 0 : heapOffset(heap, t));
  runKernel('sgdStep', heap, [
    at(v),
    at(g),
    at(buf),
    at(vOut),
    at(bufOut),
    tf.util.sizeFromShape(v.shape),
    a.learningRate,
    a.momentum,
    a.weightDecay,
    a.first ? 1 : 0,
  ]);
  return outputs;
}

function adamStep(args: KernelArgs): tf.TensorInfo[] {
  const { v, g, m, s } = args.inputs as Inputs<'v' | 'g' | 'm' | 's'>;
  const a = args.attrs as unknown as AdamStepAttrs;
  const heap = args.backend as WasmHeapBackend;
  const outputs = outputsLike(heap, v, 3);
  const offsets = [v, g, m, s, ...outputs].map((t) => heapOffset(heap, t));
  runKernel('adamStep', heap, [
    ...offsets,
    tf.util.sizeFromShape(v.shape),
    a.weightDecay,
    a.beta1,
    1 - a.beta1,
    a.beta2,
    1 - a.beta2,
    a.sqrtC2,
    a.epsilon,
    a.stepSize,
  ]);
  return outputs;
}

/** Kernel configs registered by `registerWasmTrainingKernels`. */
export const optimizerStepWasmConfigs: readonly tf.KernelConfig[] = [
  { kernelName: optimizerStepKernels.sgd, backendName: 'wasm', kernelFunc: sgdStep as unknown as tf.KernelFunc },
  { kernelName: optimizerStepKernels.adam, backendName: 'wasm', kernelFunc: adamStep as unknown as tf.KernelFunc },
];
