import type { tf } from '../../tf.js';
import { runHeapKernel } from './runHeapKernel.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';

/**
 * Eval-mode batch norm (and ReLU) that `conv2d` applies to its output while it is in cache: the
 * per-channel `−μ`, `γσ⁻¹` and `β` (each `[co]`), and whether ReLU follows.
 */
export interface BatchNormEpilogue {
  readonly negMean: tf.TensorInfo;
  readonly scale: tf.TensorInfo;
  readonly offset: tf.TensorInfo;
  readonly relu: boolean;
}

/**
 * Runs the convolution kernel `name` (the native one where in use, else the wasm build's) on the wasm backend's tensors `a`
 * and `b` into a new float32 tensor of `outShape`, which it returns; `conv2d` applies `epilogue`
 * to its output when one is given.
 *
 * @example
 * ```ts
 * const dW = runConvKernel('conv2dFilterGradient', backend, x, dy, filterShape, info);
 * ```
 */
export function runConvKernel(
  name: 'conv2d' | 'conv2dFilterGradient',
  backend: unknown,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  outShape: readonly number[],
  info: Parameters<typeof convGeometry>[0],
  epilogue?: BatchNormEpilogue,
): tf.TensorInfo {
  const heap = backend as WasmHeapBackend;
  const out = heap.makeOutput([...outShape], 'float32');
  const operands = [heapOffset(heap, a), heapOffset(heap, b), heapOffset(heap, out), ...convGeometry(info)] as const;
  const args: number[] =
    name === 'conv2dFilterGradient'
      ? [...operands]
      : epilogue === undefined
        ? [...operands, 0, 0, 0, 0]
        : [...operands, heapOffset(heap, epilogue.negMean), heapOffset(heap, epilogue.scale), heapOffset(heap, epilogue.offset), epilogue.relu ? 1 : 0];
  runHeapKernel(name, heap, args);
  return out as tf.TensorInfo;
}

/** The geometry of a convolution as the kernels take it (`heapKernels.ts`' `convGeometry`). */
function convGeometry(info: {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padInfo: { top: number; left: number };
}): number[] {
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
}
