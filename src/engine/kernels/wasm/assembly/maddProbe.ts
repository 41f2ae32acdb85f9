/**
 * AssemblyScript source of a probe compiled into both kernel builds (see `conv2dFilterGradient.ts`):
 * whether the convolutions' multiply-adds ({@link madd}) round once, which the engine records as part
 * of the backend's identity.
 */

import { madd } from './simdRows';

/**
 * Whether this build's multiply-adds round once: `a·a + c` in lane 0 through {@link madd}, nonzero
 * only when fused, for `a` = 1 + 2⁻¹² and `c` = −(1 + 2⁻¹¹) (the product's 2⁻²⁴ is lost when it is
 * rounded first). Arguments, not constants, so that the compiler cannot fold it.
 */
export function maddRoundsOnce(a: f32, c: f32): i32 {
  const v = madd(f32x4.splat(c), f32x4.splat(a), f32x4.splat(a));
  return f32x4.extract_lane(v, 0) !== 0 ? 1 : 0;
}
