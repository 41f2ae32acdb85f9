import { tf } from '../../tf.js';
import type { BatchNormTrainAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runHeapKernel } from './runHeapKernel.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';

type Pass = 'batchNormMean' | 'batchNormCentreVariance' | 'batchNormNormalise' | 'batchNormGradMeans' | 'batchNormInputGrad';

/** An operand of a pass: a tensor (its heap offset is passed), a new activation-shaped or `[C]` output, or `null` (offset 0, not touched). */
export type Operand = tf.TensorInfo | 'activation' | 'channels' | null;

/**
 * Runs the pass `name` over an activation shaped like the first operand: each operand's heap offset
 * (new float32 outputs returned in order), then the activation's size, as images and pixels per
 * image (`byImage`: the passes that pool each image) or pixels, its channels, and `flags`.
 */
export function runBatchNormPass(
  name: Pass,
  backend: unknown,
  operands: readonly Operand[],
  options: { byImage?: boolean; flags?: readonly number[] } = {},
): tf.TensorInfo[] {
  const heap = backend as WasmHeapBackend;
  const shape = (operands[0] as tf.TensorInfo).shape;
  const [images, channels] = [shape[0], shape[shape.length - 1]];
  const pixels = tf.util.sizeFromShape(shape) / channels;
  const outputs: tf.TensorInfo[] = [];
  // all outputs are allocated before any offset is taken: an allocation may grow the heap
  const tensors = operands.map((o) =>
    o === 'activation' || o === 'channels'
      ? outputs[outputs.push(heap.makeOutput(o === 'activation' ? [...shape] : [channels], 'float32') as tf.TensorInfo) - 1]
      : o,
  );
  const size = options.byImage === true ? [images, pixels / images] : [pixels];
  runHeapKernel(name, heap, [...tensors.map((t) => (t === null ? 0 : heapOffset(heap, t))), ...size, channels, ...(options.flags ?? [])]);
  return outputs;
}

/** The `relu` attribute of a pass that has one, as the kernels' flag. */
export const reluFlag = (args: KernelArgs): number => ((args.attrs as unknown as BatchNormTrainAttrs).relu ? 1 : 0);
