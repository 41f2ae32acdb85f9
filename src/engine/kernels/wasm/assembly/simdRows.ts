/** Helpers shared by the SIMD kernels of this folder. */

/** Stores 16 floats held in 4 `f32x4` registers at `p`. */
@inline
export function store16(p: usize, a0: v128, a1: v128, a2: v128, a3: v128): void {
  v128.store(p, a0);
  v128.store(p, a1, 16);
  v128.store(p, a2, 32);
  v128.store(p, a3, 48);
}

/**
 * `acc + a·b` per lane: with relaxed SIMD enabled (the `fma` build) one `f32x4.relaxed_madd`, which
 * rounds once where the processor has fused multiply-adds; otherwise a product and a sum, each rounded.
 */
@inline
export function madd(acc: v128, a: v128, b: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}
