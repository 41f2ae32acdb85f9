import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/**
 * Pass 2 of a split-K reduction: output element i is Σ_c partials[c · size + i] over the `chunks`
 * partial results, added in the order c = 0, 1, …, so the sum is the same on every run (no atomics).
 * The output takes any shape of `size` elements (the filter's, for the filter gradient); for several
 * members, their outputs one after another, each summed from its own `[chunks, memberSize]` partials.
 */
export class ChunkSumProgram implements WebGPUProgram {
  readonly variableNames = ['partials'];
  readonly uniforms = 'chunks : i32, memberSize : i32,';
  readonly workgroupSize: [number, number, number] = [64, 1, 1];
  readonly size = true;
  readonly outputShape: number[];
  readonly dispatchLayout: { x: number[] };
  readonly dispatch: [number, number, number];
  readonly shaderKey = 'gstChunkSum';

  constructor(outputShape: readonly number[]) {
    this.outputShape = [...outputShape];
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    this.dispatch = [Math.ceil(outputShape.reduce((a, b) => a * b, 1) / this.workgroupSize[0]), 1, 1];
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let member = index / uniforms.memberSize;
          let i = index % uniforms.memberSize;
          var sum = 0.0;
          for (var c = 0; c < uniforms.chunks; c = c + 1) {
            sum = sum + partials[(member * uniforms.chunks + c) * uniforms.memberSize + i];
          }
          setOutputAtIndex(index, sum);
        }
      }
    `;
  }
}
