import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { forwardConvInfo } from '../util/forwardConvInfo.js';
import { ChunkSumProgram } from './chunkSumProgram.js';
import { filterChunk, FilterGradientPartialsProgram, type FilterGemm } from './filterGradientPartialsProgram.js';

/**
 * The filter gradient's GEMM: M = kh·kw·C_in, N = C_out, K = batch·outH·outW, split into chunks of
 * {@link filterChunk} products.
 *
 * @example filterGemm(info) // { m: 27, n: 64, k: 131072, chunks: 512 } for 32×32×3→64 at batch 128
 */
export function filterGemm(info: tf.backend_util.Conv2DInfo): FilterGemm {
  const k = info.batchSize * info.outHeight * info.outWidth;
  return { m: info.filterHeight * info.filterWidth * info.inChannels, n: info.outChannels, k, chunks: Math.max(1, Math.ceil(k / filterChunk)) };
}

/**
 * `Conv2DBackpropFilter` for the webgpu backend: `dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·s+kh−pt,
 * ow·s+kw−pl, ci] · dy[n,oh,ow,co]` as a tiled implicit GEMM split over K (pass 1,
 * {@link FilterGradientPartialsProgram}) whose chunks are added in a fixed order (pass 2,
 * {@link ChunkSumProgram}). tfjs' own kernel gives each filter element one invocation that loops over
 * all of K (131,072 products for the first VGG layer at batch 128, on 1,728 invocations).
 */
function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const backend = args.backend as WebGPUBackend;
  const info = forwardConvInfo('Conv2DBackpropFilter', x.shape, attrs.filterShape, attrs);
  const gemm = filterGemm(info);
  const int = (data: number[]) => ({ type: 'int32', data });
  const partials = backend.runWebGPUProgram(new FilterGradientPartialsProgram(gemm), [x, dy], 'float32', [
    int([info.padInfo.top, info.padInfo.left]),
    int([info.strideHeight, info.strideWidth]),
    int([info.inHeight]),
    int([info.inWidth]),
    int([info.inChannels]),
    int([info.filterWidth]),
    int([info.outHeight]),
    int([info.outWidth]),
    int([gemm.m]),
    int([gemm.n]),
    int([gemm.k]),
  ]);
  const dw = backend.runWebGPUProgram(new ChunkSumProgram(attrs.filterShape), [partials], 'float32', [int([gemm.chunks])]);
  backend.disposeData(partials.dataId);
  return dw;
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'webgpu',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
