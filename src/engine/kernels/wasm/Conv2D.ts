import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runConvKernel } from './runConvKernel.js';
import { forwardConvInfo, isPlainConv2D } from '../util/forwardConvInfo.js';
import { stockKernel } from '../util/stockKernel.js';

/** The stock wasm `Conv2D` (XNNPACK), captured when this module loads: it keeps the cases ours leaves to it. */
const stockConv2D = tf.getKernel(tf.Conv2D, 'wasm');

/**
 * `Conv2D` for the wasm backend, replacing the stock XNNPACK kernel for NHWC convolutions without
 * dilation (every convolution the engine's models run, and the input gradient's, which
 * `Conv2DBackpropInput` computes as a convolution): a SIMD kernel of this project
 * (`assembly/conv2d.ts`) on the backend's heap. XNNPACK packs the filter anew for every new
 * filter tensor, i.e. on every training step, and its indirection-buffer convolution ran the
 * bench nets' layers 1.3–1.4× slower (e.g. 10.7 → 7.8 ms on a 64×32×32×16 batch, 16 filters). Dilated or NCHW convolutions go to the stock kernel.
 */
function conv2d(args: KernelArgs): tf.TensorInfo {
  const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DAttrs;
  if (!isPlainConv2D(attrs)) {
    return stockKernel(stockConv2D, tf.Conv2D, 'wasm').kernelFunc(args as never) as tf.TensorInfo;
  }
  const info = forwardConvInfo('Conv2D', x.shape, filter.shape, attrs);
  return runConvKernel('conv2d', args.backend, x, filter, info.outShape, info);
}

/**
 * Kernel config registered by `registerWasmKernels`. The stock kernel's setup (it binds
 * XNNPACK's convolution) runs as this one's, so that the cases left to it work.
 */
export const conv2DConfig: tf.KernelConfig = {
  kernelName: tf.Conv2D,
  backendName: 'wasm',
  kernelFunc: conv2d as unknown as tf.KernelFunc,
  setupFunc: stockConv2D?.setupFunc,
};
