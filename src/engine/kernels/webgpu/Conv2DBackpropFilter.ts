import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { forwardConvInfo } from '../util/forwardConvInfo.js';
import { runConvGemm } from './runConvGemm.js';

/**
 * `Conv2DBackpropFilter` for the webgpu backend: `dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·s+kh−pt,
 * ow·s+kw−pl, ci] · dy[n,oh,ow,co]` as a tiled implicit GEMM (M = kh·kw·C_in, N = C_out, K =
 * batch·outH·outW) split over K, whose chunks are added in a fixed order. tfjs' own kernel gives each
 * filter element one invocation that loops over all of K (131,072 products for the first VGG layer
 * at batch 128, on 1,728 invocations).
 */
function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const info = forwardConvInfo('Conv2DBackpropFilter', x.shape, attrs.filterShape, attrs);
  return runConvGemm(args.backend as WebGPUBackend, 'filterGradient', info, [x, dy], attrs.filterShape);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'webgpu',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
