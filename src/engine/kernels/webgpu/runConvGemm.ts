import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import { ChunkSumProgram } from './chunkSumProgram.js';
import { convTileDepth, ConvGemmProgram, type ConvGemm, type ConvGemmKind } from './convGemmProgram.js';

/**
 * How a conv GEMM is split over K: into enough chunks that a dispatch has at least `minInvocations`
 * invocations (a GPU keeps hundreds of thousands in flight) and no output sums more than
 * `maxChunkLength` products in one invocation (a serial chain it cannot hide).
 */
export const convGemmSplit = { minInvocations: 32_768, maxChunkLength: 4096 } as const;

/**
 * The GEMM of convolution `info` computed as `kind`, split over K by {@link convGemmSplit}, for
 * `members` models at once (each split as it is alone).
 *
 * @example
 * ```ts
 * convGemm('filterGradient', info); // { kind, members: 1, tile: 32, m: 27, n: 64, k: 131072, chunkLength: 512, chunks: 256 } for 32×32×3→64 at batch 128
 * convGemm('forward', info); // { kind, members: 1, tile: 64, m: 131072, n: 64, k: 27, chunkLength: 32, chunks: 1 }
 * ```
 */
export function convGemm(kind: ConvGemmKind, info: tf.backend_util.Conv2DInfo, members = 1): ConvGemm {
  const taps = info.filterHeight * info.filterWidth;
  const pixels = info.batchSize * info.outHeight * info.outWidth;
  const [m, n, k] =
    kind === 'forward'
      ? [pixels, info.outChannels, taps * info.inChannels]
      : kind === 'inputGradient'
        ? [info.batchSize * info.inHeight * info.inWidth, info.inChannels, taps * info.outChannels]
        : [taps * info.inChannels, info.outChannels, pixels];
  const tile = m >= 64 && n >= 64 ? 64 : 32;
  const invocationsPerChunk = Math.ceil(m / tile) * Math.ceil(n / tile) * (tile / 4) ** 2;
  const wanted = Math.max(Math.ceil(k / convGemmSplit.maxChunkLength), Math.ceil(convGemmSplit.minInvocations / invocationsPerChunk));
  const chunkLength = convTileDepth * Math.max(1, Math.ceil(k / wanted / convTileDepth));
  return { kind, members, tile, m, n, k, chunkLength, chunks: Math.ceil(k / chunkLength) };
}

/**
 * Runs convolution `info` as `kind` on the webgpu backend: {@link ConvGemmProgram} over inputs `a`
 * and `b` (x and W, dy and W, or x and dy), then, when K is split, `ChunkSumProgram` over its partial
 * sums. Returns a tensor of `outputShape`. With `members` > 1, `info` is one member's convolution and
 * `a`, `b` and the output hold the members' one after another.
 */
export function runConvGemm(
  backend: WebGPUBackend,
  kind: ConvGemmKind,
  info: tf.backend_util.Conv2DInfo,
  [a, b]: readonly [tf.TensorInfo, tf.TensorInfo],
  outputShape: readonly number[],
  members = 1,
): tf.TensorInfo {
  const gemm = convGemm(kind, info, members);
  const perMember = (t: tf.TensorInfo) => tf.util.sizeFromShape(t.shape) / members;
  const int = (...data: number[]) => ({ type: 'int32', data });
  const product = backend.runWebGPUProgram(new ConvGemmProgram(gemm, outputShape), [a, b], 'float32', [
    int(info.padInfo.top, info.padInfo.left),
    int(info.strideHeight, info.strideWidth),
    int(info.inHeight),
    int(info.inWidth),
    int(info.inChannels),
    int(info.outChannels),
    int(info.filterWidth),
    int(info.outHeight),
    int(info.outWidth),
    int(gemm.m),
    int(gemm.n),
    int(gemm.k),
    int(gemm.chunkLength),
    int(gemm.chunks),
    int(perMember(a)),
    int(perMember(b)),
  ]);
  if (gemm.chunks === 1) return product;
  const sum = backend.runWebGPUProgram(new ChunkSumProgram(outputShape), [product], 'float32', [int(gemm.chunks), int(gemm.m * gemm.n)]);
  backend.disposeData(product.dataId);
  return sum;
}
