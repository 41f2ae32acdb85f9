import { tf } from '../../tf.js';
import { SgdStep, type SgdStepAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { outputsLike } from './outputsLike.js';
import { runHeapKernel } from './runHeapKernel.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';

/** `SgdStep` (`kernelNames.ts`) on wasm: one variable's SGD step in one pass over it (`assembly/optimizerSteps.ts`), bit-identical to the composite step of `optim/sgd.ts`. */
function sgdStep(args: KernelArgs): tf.TensorInfo[] {
  const { v, g, buf } = args.inputs as Record<'v' | 'g' | 'buf', tf.TensorInfo>;
  const a = args.attrs as unknown as SgdStepAttrs;
  const heap = args.backend as WasmHeapBackend;
  const outputs = outputsLike(heap, v, a.momentum > 0 ? 2 : 1);
  const [vOut, bufOut] = outputs;
  const at = (t: tf.TensorInfo | undefined) => (t === undefined ? 0 : heapOffset(heap, t));
  runHeapKernel('sgdStep', heap, [
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

/** Kernel config registered by `registerWasmKernels`. */
export const sgdStepConfig: tf.KernelConfig = { kernelName: SgdStep, backendName: 'wasm', kernelFunc: sgdStep as unknown as tf.KernelFunc };
