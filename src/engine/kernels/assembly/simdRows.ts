/** Helpers shared by the SIMD kernels of this folder. */

/** Stores 16 floats held in 4 `f32x4` registers at `p`. */
@inline
export function store16(p: usize, a0: v128, a1: v128, a2: v128, a3: v128): void {
  v128.store(p, a0);
  v128.store(p, a1, 16);
  v128.store(p, a2, 32);
  v128.store(p, a3, 48);
}
