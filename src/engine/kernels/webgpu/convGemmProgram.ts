import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/**
 * Rows and columns of the output tile one workgroup computes, 4 × 4 outputs per invocation: 64 (16 × 16
 * invocations) where M and N are both at least 64, as the GEMM that reached 31 TFLOP/s on an H200
 * (issue 31); else 32 (8 × 8).
 */
export type ConvTile = 32 | 64;
/** Depth of the k sub-tile staged in workgroup memory; a chunk of K is a multiple of it. */
export const convTileDepth = 16;

/**
 * Which convolution the GEMM computes, and so how its operands are read from the kernel's inputs:
 * - `forward`: y[M = batch·outH·outW, N = C_out] = patches(x)[M, K = kh·kw·C_in] · W[K, N];
 * - `inputGradient`: dx[M = batch·inH·inW, N = C_in] = taps(dy)[M, K = kh·kw·C_out] · Wᵀ[K, N];
 * - `filterGradient`: dW[M = kh·kw·C_in, N = C_out] = patches(x)ᵀ[M, K = batch·outH·outW] · dy[K, N].
 */
export type ConvGemmKind = 'forward' | 'inputGradient' | 'filterGradient';

/**
 * A convolution as a GEMM, with K split into `chunks` of `chunkLength` products; for `members` models
 * at once (seeds trained together), each with its own operands, stacked model-major.
 */
export interface ConvGemm {
  readonly kind: ConvGemmKind;
  readonly members: number;
  readonly tile: ConvTile;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Products summed per chunk, a multiple of {@link convTileDepth}. */
  readonly chunkLength: number;
  /** ⌈k / chunkLength⌉; with more than one, the program writes partial sums `[members, chunks, M, N]` for `ChunkSumProgram`. */
  readonly chunks: number;
}

/** The A operand (M × K) of each kind, read from input `a`; every kind but the filter gradient's is contiguous along K. */
const operandA: Readonly<Record<ConvGemmKind, string>> = {
  forward: 'return patchAt(m, k);',
  filterGradient: 'return patchAt(k, m);',
  inputGradient: `
        let outChannel = k % uniforms.outChannels;
        let tap = k / uniforms.outChannels;
        let at = pixelOf(m, uniforms.inHeight, uniforms.inWidth);
        let rowTimesStride = at.y + uniforms.pads.x - tap / uniforms.filterWidth;
        let columnTimesStride = at.z + uniforms.pads.y - tap % uniforms.filterWidth;
        if (rowTimesStride < 0 || columnTimesStride < 0 || rowTimesStride % uniforms.strides.x != 0 || columnTimesStride % uniforms.strides.y != 0) { return 0.0; }
        let row = rowTimesStride / uniforms.strides.x;
        let column = columnTimesStride / uniforms.strides.y;
        if (row >= uniforms.outHeight || column >= uniforms.outWidth) { return 0.0; }
        return a[aBase + ((at.x * uniforms.outHeight + row) * uniforms.outWidth + column) * uniforms.outChannels + outChannel];`,
};

/** The B operand (K × N) of each kind, read from input `b`: W and dy are K × N row-major; Wᵀ is read across the filter. */
const operandB: Readonly<Record<ConvGemmKind, string>> = {
  forward: 'return b[bBase + k * uniforms.gemmN + n];',
  filterGradient: 'return b[bBase + k * uniforms.gemmN + n];',
  inputGradient: 'return b[bBase + ((k / uniforms.outChannels) * uniforms.gemmN + n) * uniforms.outChannels + k % uniforms.outChannels];',
};

/**
 * A convolution as a tiled implicit GEMM: workgroup (tn, tm, member·chunks + chunk) sums, in the order of k, A × B
 * over its chunk of K for a tile of the output, both operands staged in workgroup memory 16 deep,
 * each read where it is contiguous in memory. Every output sums its products in the order of k
 * whatever the tile, so the tile changes the speed, not the bits. With one chunk it writes the output itself; with
 * several, their partial sums, which `ChunkSumProgram` adds in a fixed order. No atomics: a result
 * is the same on every run. A member reads and writes its own slices of the operands and the output
 * and is computed as it is alone: one model is one member of the same shader.
 */
export class ConvGemmProgram implements WebGPUProgram {
  readonly variableNames = ['a', 'b'];
  readonly uniforms =
    'pads : vec2<i32>, strides : vec2<i32>, inHeight : i32, inWidth : i32, inChannels : i32, outChannels : i32, filterWidth : i32, outHeight : i32, outWidth : i32, gemmM : i32, gemmN : i32, gemmK : i32, chunkLength : i32, chunks : i32, aMemberSize : i32, bMemberSize : i32,';
  readonly workgroupSize: [number, number, number];
  readonly outputShape: number[];
  readonly dispatchLayout = { x: [2], y: [1], z: [0] };
  readonly dispatch: [number, number, number];
  readonly shaderKey: string;

  /** `outputShape`: the convolution's result, written as is when K is one chunk. */
  constructor(
    readonly gemm: ConvGemm,
    outputShape: readonly number[],
  ) {
    this.outputShape = gemm.chunks === 1 ? [...outputShape] : [gemm.members * gemm.chunks, gemm.m, gemm.n];
    this.workgroupSize = [gemm.tile / 4, gemm.tile / 4, 1];
    this.dispatch = [Math.ceil(gemm.n / gemm.tile), Math.ceil(gemm.m / gemm.tile), gemm.members * gemm.chunks];
    this.shaderKey = `gstConvGemm_${gemm.kind}_${gemm.tile}_${convTileDepth}`;
  }

  getUserCode(): string {
    const { kind, tile } = this.gemm;
    const side = tile / 4;
    const invocations = side * side;
    return `
      var<workgroup> aTile : array<array<f32, ${tile}>, ${convTileDepth}>;
      var<workgroup> bTile : array<array<f32, ${tile}>, ${convTileDepth}>;
      // where this workgroup's member's operands begin
      var<private> aBase : i32;
      var<private> bBase : i32;

      // (image, row, column) of pixel index i of a batch of height × width images
      fn pixelOf(i : i32, height : i32, width : i32) -> vec3<i32> {
        let imageRow = i / width;
        return vec3<i32>(imageRow / height, imageRow % height, i % width);
      }

      // x at patch row p (image, output row, output column) and column q (kernel row, kernel column, input channel)
      fn patchAt(p : i32, q : i32) -> f32 {
        let channel = q % uniforms.inChannels;
        let tap = q / uniforms.inChannels;
        let at = pixelOf(p, uniforms.outHeight, uniforms.outWidth);
        let inRow = at.y * uniforms.strides.x + tap / uniforms.filterWidth - uniforms.pads.x;
        let inColumn = at.z * uniforms.strides.y + tap % uniforms.filterWidth - uniforms.pads.y;
        if (inRow < 0 || inRow >= uniforms.inHeight || inColumn < 0 || inColumn >= uniforms.inWidth) { return 0.0; }
        return a[aBase + ((at.x * uniforms.inHeight + inRow) * uniforms.inWidth + inColumn) * uniforms.inChannels + channel];
      }

      fn aAt(m : i32, k : i32) -> f32 {
        if (m >= uniforms.gemmM || k >= uniforms.gemmK) { return 0.0; }
        ${operandA[kind]}
      }

      fn bAt(k : i32, n : i32) -> f32 {
        if (k >= uniforms.gemmK || n >= uniforms.gemmN) { return 0.0; }
        ${operandB[kind]}
      }

      fn main() {
        let tx = i32(localId.x);
        let ty = i32(localId.y);
        let t = ty * ${side} + tx;
        let n0 = i32(workgroupId.x) * ${tile};
        let m0 = i32(workgroupId.y) * ${tile};
        let member = i32(workgroupId.z) / uniforms.chunks;
        let chunk = i32(workgroupId.z) % uniforms.chunks;
        aBase = member * uniforms.aMemberSize;
        bBase = member * uniforms.bMemberSize;
        let kBegin = chunk * uniforms.chunkLength;
        let kEnd = min(kBegin + uniforms.chunkLength, uniforms.gemmK);
        var sums : array<array<f32, 4>, 4>;
        // the trip count is a uniform, so the barriers stay in uniform control flow; products past K read as 0
        for (var step = 0; step < uniforms.chunkLength / ${convTileDepth}; step = step + 1) {
          let k0 = kBegin + step * ${convTileDepth};
          // the invocations stage 16 × tile values of each operand, neighbours reading neighbours
          for (var i = 0; i < ${(convTileDepth * tile) / invocations}; i = i + 1) {
            let e = i * ${invocations} + t;
            ${kind === 'filterGradient' ? `let aK = e / ${tile}; let aJ = e % ${tile};` : 'let aK = e % 16; let aJ = e / 16;'}
            ${kind === 'inputGradient' ? 'let bK = e % 16; let bJ = e / 16;' : `let bK = e / ${tile}; let bJ = e % ${tile};`}
            aTile[aK][aJ] = select(0.0, aAt(m0 + aJ, k0 + aK), k0 + aK < kEnd);
            bTile[bK][bJ] = select(0.0, bAt(k0 + bK, n0 + bJ), k0 + bK < kEnd);
          }
          workgroupBarrier();
          for (var kk = 0; kk < ${convTileDepth}; kk = kk + 1) {
            for (var i = 0; i < 4; i = i + 1) {
              let p = aTile[kk][ty * 4 + i];
              for (var j = 0; j < 4; j = j + 1) {
                sums[i][j] = sums[i][j] + p * bTile[kk][tx * 4 + j];
              }
            }
          }
          workgroupBarrier();
        }
        for (var i = 0; i < 4; i = i + 1) {
          let m = m0 + ty * 4 + i;
          for (var j = 0; j < 4; j = j + 1) {
            let n = n0 + tx * 4 + j;
            if (m < uniforms.gemmM && n < uniforms.gemmN) {
              result[((member * uniforms.chunks + chunk) * uniforms.gemmM + m) * uniforms.gemmN + n] = sums[i][j];
            }
          }
        }
      }
    `;
  }
}
