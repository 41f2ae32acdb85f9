/**
 * AssemblyScript source of the wasm mean over contiguous middle axes (compiled with the convolutions
 * into `kernels.wasm`, see `conv2dFilterGradient.ts`).
 *
 * `x` is viewed as `[outer, reduce, inner]` and `out[o, i] = (Σ_r x[o, r, i]) / reduce`: e.g. the
 * global average pool over H and W of an NHWC activation (`outer` = N, `inner` = C), or a mean over
 * the batch (`outer` = 1). tfjs' wasm `Mean` first transposes the reduced axes innermost, then sums
 * each output from 0 in order of `r` and divides by `reduce` as float32; this kernel sums in the same
 * order straight from `x` (16 or 4 channels at a time, the rest one by one), so its results are
 * bit-identical to that kernel's.
 */

/** The mean over the middle axis of `[outer, reduce, inner]` float32 `x` into `[outer, inner]` `out` (byte offsets on the heap). */
export function meanMiddleAxes(x: usize, out: usize, outer: i32, reduce: i32, inner: i32): void {
  const innerBytes = <usize>inner << 2;
  const inner16 = inner & ~15;
  const inner4 = inner & ~3;
  const divisor: f32 = <f32>reduce;
  const divisor4 = f32x4.splat(divisor);
  for (let o = 0; o < outer; o++) {
    const xo = x + <usize>o * <usize>reduce * innerBytes;
    const oo = out + <usize>o * innerBytes;
    for (let i = 0; i < inner16; i += 16) {
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      let p = xo + (<usize>i << 2);
      for (let r = 0; r < reduce; r++) {
        a0 = f32x4.add(a0, v128.load(p));
        a1 = f32x4.add(a1, v128.load(p, 16));
        a2 = f32x4.add(a2, v128.load(p, 32));
        a3 = f32x4.add(a3, v128.load(p, 48));
        p += innerBytes;
      }
      const q = oo + (<usize>i << 2);
      v128.store(q, f32x4.div(a0, divisor4));
      v128.store(q, f32x4.div(a1, divisor4), 16);
      v128.store(q, f32x4.div(a2, divisor4), 32);
      v128.store(q, f32x4.div(a3, divisor4), 48);
    }
    for (let i = inner16; i < inner4; i += 4) {
      let a = f32x4.splat(0);
      let p = xo + (<usize>i << 2);
      for (let r = 0; r < reduce; r++) {
        a = f32x4.add(a, v128.load(p));
        p += innerBytes;
      }
      v128.store(oo + (<usize>i << 2), f32x4.div(a, divisor4));
    }
    for (let i = inner4; i < inner; i++) {
      let a: f32 = 0;
      let p = xo + (<usize>i << 2);
      for (let r = 0; r < reduce; r++) {
        a += load<f32>(p);
        p += innerBytes;
      }
      store<f32>(oo + (<usize>i << 2), a / divisor);
    }
  }
}
