import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { forwardConvInfo } from '../util/forwardConvInfo.js';
import { runConvGemm } from './runConvGemm.js';

/**
 * `Conv2DBackpropInput` for the webgpu backend: `dx[n,ih,iw,ci] = Σ_{kh,kw,co} dy[n, oh, ow, co] ·
 * W[kh,kw,ci,co]` over the (oh, ow) with oh·s = ih + pt − kh (ow alike), as a tiled implicit GEMM
 * (M = batch·inH·inW, N = C_in, K = kh·kw·C_out).
 */
function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = forwardConvInfo('Conv2DBackpropInput', attrs.inputShape, filter.shape, attrs);
  return runConvGemm(args.backend as WebGPUBackend, 'inputGradient', info, [dy, filter], attrs.inputShape);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const conv2DBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'webgpu',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
