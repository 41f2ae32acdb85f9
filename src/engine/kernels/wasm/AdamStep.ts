import { tf } from '../../tf.js';
import { AdamStep, adamStepScalars, type AdamStepAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { outputsLike } from './outputsLike.js';
import { runHeapKernel } from './runHeapKernel.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';

/** `AdamStep` (`kernelNames.ts`) on wasm: one variable's Adam step in one pass over it (`assembly/optimizerSteps.ts`), bit-identical to the composite step of `optim/adam.ts`. */
function adamStep(args: KernelArgs): tf.TensorInfo[] {
  const { v, g, m, s } = args.inputs as Record<'v' | 'g' | 'm' | 's', tf.TensorInfo>;
  const a = args.attrs as unknown as AdamStepAttrs;
  const heap = args.backend as WasmHeapBackend;
  const outputs = outputsLike(heap, v, 3);
  const offsets = [v, g, m, s, ...outputs].map((t) => heapOffset(heap, t));
  runHeapKernel('adamStep', heap, [...offsets, tf.util.sizeFromShape(v.shape), ...adamStepScalars(a)]);
  return outputs;
}

/** Kernel config registered by `registerWasmKernels`. */
export const adamStepConfig: tf.KernelConfig = { kernelName: AdamStep, backendName: 'wasm', kernelFunc: adamStep as unknown as tf.KernelFunc };
