import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { forwardConvInfo, isPlainConv2D } from '../util/forwardConvInfo.js';
import { stockKernel } from '../util/stockKernel.js';
import { runConvGemm } from './runConvGemm.js';

/** The stock webgpu `Conv2D`, captured when this module loads: it keeps the cases ours leaves to it. */
const stockConv2D = tf.getKernel(tf.Conv2D, 'webgpu');

/**
 * `Conv2D` for the webgpu backend, for NHWC convolutions without dilation (every convolution the
 * engine's models run): `y[n,oh,ow,co] = Σ_{kh,kw,ci} x[n, oh·s+kh−pt, ow·s+kw−pl, ci] · W[kh,kw,ci,co]`
 * as a tiled implicit GEMM (M = batch·outH·outW, N = C_out, K = kh·kw·C_in). Dilated or NCHW
 * convolutions go to the stock kernel.
 */
function conv2d(args: KernelArgs): tf.TensorInfo {
  const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DAttrs;
  if (!isPlainConv2D(attrs)) {
    return stockKernel(stockConv2D, tf.Conv2D, 'webgpu').kernelFunc(args as never) as tf.TensorInfo;
  }
  const info = forwardConvInfo('Conv2D', x.shape, filter.shape, attrs);
  return runConvGemm(args.backend as WebGPUBackend, 'forward', info, [x, filter], info.outShape);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const conv2DConfig: tf.KernelConfig = {
  kernelName: tf.Conv2D,
  backendName: 'webgpu',
  kernelFunc: conv2d as unknown as tf.KernelFunc,
};
