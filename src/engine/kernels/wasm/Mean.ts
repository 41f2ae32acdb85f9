import { tf } from '../../tf.js';
import { stockKernel } from '../util/stockKernel.js';
import { runHeapKernel } from './runHeapKernel.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';
import type { KernelArgs } from '../util/kernelArgs.js';

/** The stock wasm `Mean`, captured when this module loads: it keeps the cases ours leaves to it. */
const stockMean = tf.getKernel(tf.Mean, 'wasm');

/**
 * `Mean` for the wasm backend, replacing the stock kernel when the reduced axes are contiguous and
 * not innermost, as in the global average pool over H and W of an NHWC activation (every model's
 * head, in training and evaluation) and batch norm's mean over the batch: the stock kernel copies
 * the whole input into a transpose first (2.5 ms of a 58 ms evaluation pass of the `mini` net on
 * 500 images). This project's kernel (`assembly/meanMiddleAxes.ts`) reads the input in place and
 * sums each output in the stock kernel's order, so the results are bit-identical. Other axes
 * (innermost ones need no transpose), and dtypes other than float32, go to the stock kernel.
 */
function mean(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { axis, keepDims } = args.attrs as unknown as tf.MeanAttrs;
  const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
  const first = axes[0];
  const last = axes[axes.length - 1];
  const contiguous = axes.length > 0 && last - first + 1 === axes.length;
  const inner = tf.util.sizeFromShape(x.shape.slice(last + 1));
  if (x.dtype !== 'float32' || !contiguous || inner === 1 || tf.util.sizeFromShape(x.shape) === 0) {
    return stockKernel(stockMean, tf.Mean, 'wasm').kernelFunc(args as never) as tf.TensorInfo;
  }
  const outShape = keepDims ? x.shape.map((size, i) => (i < first || i > last ? size : 1)) : [...x.shape.slice(0, first), ...x.shape.slice(last + 1)];
  const heap = args.backend as WasmHeapBackend;
  const out = heap.makeOutput(outShape, 'float32') as tf.TensorInfo;
  const [outer, reduce] = [tf.util.sizeFromShape(x.shape.slice(0, first)), tf.util.sizeFromShape(x.shape.slice(first, last + 1))];
  runHeapKernel('meanMiddleAxes', heap, [heapOffset(heap, x), heapOffset(heap, out), outer, reduce, inner]);
  return out;
}

/** Kernel config registered by `registerWasmKernels`; the stock kernel's setup runs as this one's. */
export const meanConfig: tf.KernelConfig = {
  kernelName: tf.Mean,
  backendName: 'wasm',
  kernelFunc: mean as unknown as tf.KernelFunc,
  setupFunc: stockMean?.setupFunc,
};
