import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/** Rows and columns of the output tile one workgroup computes (8 × 8 invocations, 4 × 4 outputs each). */
export const filterTile = 32;
/** Products summed per chunk of K: a multiple of the 16-deep k sub-tile; 4 × 4 outputs × 256 = 4,096 multiply-adds per invocation. */
export const filterChunk = 256;

/** The GEMM the filter gradient is: M = kh·kw·C_in filter rows, N = C_out, K = batch·outH·outW products each. */
export interface FilterGemm {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Chunks K is split into (each summed by one workgroup layer), ⌈K / filterChunk⌉. */
  readonly chunks: number;
}

/**
 * Pass 1 of the filter gradient as a tiled implicit GEMM: workgroup (tn, tm, chunk) sums, in the
 * order of k, x-patch × dy over its chunk of K for a 32 × 32 tile of dW, both operands staged in
 * workgroup memory 16 deep; it writes the chunk's partial sums, `[chunks, M, N]`. No atomics: pass 2
 * (`ChunkSumProgram`) adds the chunks in a fixed order, so a result is the same on every run.
 */
export class FilterGradientPartialsProgram implements WebGPUProgram {
  readonly variableNames = ['x', 'dy'];
  readonly uniforms =
    'pads : vec2<i32>, strides : vec2<i32>, inHeight : i32, inWidth : i32, inChannels : i32, filterWidth : i32, outHeight : i32, outWidth : i32, gemmM : i32, gemmN : i32, gemmK : i32,';
  readonly workgroupSize: [number, number, number] = [8, 8, 1];
  readonly outputShape: number[];
  readonly dispatchLayout = { x: [2], y: [1], z: [0] };
  readonly dispatch: [number, number, number];
  readonly shaderKey = `gstFilterGradientPartials_${filterTile}_${filterChunk}`;

  constructor(gemm: FilterGemm) {
    this.outputShape = [gemm.chunks, gemm.m, gemm.n];
    this.dispatch = [Math.ceil(gemm.n / filterTile), Math.ceil(gemm.m / filterTile), gemm.chunks];
  }

  getUserCode(): string {
    return `
      var<workgroup> patchTile : array<array<f32, ${filterTile}>, 16>;
      var<workgroup> gradTile : array<array<f32, ${filterTile}>, 16>;

      // x at filter row m (kernel row, kernel column, input channel) and product k (image, output row, output column)
      fn patchAt(m : i32, k : i32) -> f32 {
        if (m >= uniforms.gemmM || k >= uniforms.gemmK) { return 0.0; }
        let channel = m % uniforms.inChannels;
        let tap = m / uniforms.inChannels;
        let column = k % uniforms.outWidth;
        let imageRow = k / uniforms.outWidth;
        let row = imageRow % uniforms.outHeight;
        let image = imageRow / uniforms.outHeight;
        let inRow = row * uniforms.strides.x + tap / uniforms.filterWidth - uniforms.pads.x;
        let inColumn = column * uniforms.strides.y + tap % uniforms.filterWidth - uniforms.pads.y;
        if (inRow < 0 || inRow >= uniforms.inHeight || inColumn < 0 || inColumn >= uniforms.inWidth) { return 0.0; }
        return x[((image * uniforms.inHeight + inRow) * uniforms.inWidth + inColumn) * uniforms.inChannels + channel];
      }

      fn gradAt(k : i32, n : i32) -> f32 {
        if (k >= uniforms.gemmK || n >= uniforms.gemmN) { return 0.0; }
        return dy[k * uniforms.gemmN + n];
      }

      fn main() {
        let tx = i32(localId.x);
        let ty = i32(localId.y);
        let n0 = i32(workgroupId.x) * ${filterTile};
        let m0 = i32(workgroupId.y) * ${filterTile};
        let chunk = i32(workgroupId.z);
        let kBegin = chunk * ${filterChunk};
        let kEnd = min(kBegin + ${filterChunk}, uniforms.gemmK);
        var sums : array<array<f32, 4>, 4>;
        // a constant trip count keeps the barriers in uniform control flow; products past K read as 0
        for (var step = 0; step < ${filterChunk / 16}; step = step + 1) {
          let k0 = kBegin + step * 16;
          // 64 invocations stage 16 × 32 values of each operand, 8 each
          for (var i = 0; i < 8; i = i + 1) {
            let e = (ty * 8 + tx) * 8 + i;
            let kk = e / ${filterTile};
            let j = e % ${filterTile};
            let k = k0 + kk;
            patchTile[kk][j] = select(0.0, patchAt(m0 + j, k), k < kEnd);
            gradTile[kk][j] = select(0.0, gradAt(k, n0 + j), k < kEnd);
          }
          workgroupBarrier();
          for (var kk = 0; kk < 16; kk = kk + 1) {
            for (var i = 0; i < 4; i = i + 1) {
              let p = patchTile[kk][ty * 4 + i];
              for (var j = 0; j < 4; j = j + 1) {
                sums[i][j] = sums[i][j] + p * gradTile[kk][tx * 4 + j];
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
              result[(chunk * uniforms.gemmM + m) * uniforms.gemmN + n] = sums[i][j];
            }
          }
        }
      }
    `;
  }
}
