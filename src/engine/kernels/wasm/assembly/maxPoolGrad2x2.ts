/**
 * AssemblyScript source of the wasm max-pool gradient for disjoint 2×2 windows with stride 2
 * (VGG's pools; compiled with the convolutions into `kernels.wasm`, see `conv2dFilterGradient.ts`).
 *
 * Each output gradient goes to the position of its window's maximum; on ties, to the last maximum
 * in row-major window order (the stock kernel's choice); NaN never wins, and a window of NaNs routes
 * nothing. Every input position belongs to at most one window, so each is written once: 0, or its
 * window's output gradient. Four channels at a time with SIMD comparisons and masks, the channels
 * past the last multiple of 4 by a scalar loop, with the same rule.
 */

/** Routes one window's gradient for 4 channels: `x`, `out` at the window's first position, `col`/`row` bytes to the next column/row. */
@inline
function window4(x: usize, out: usize, g: v128, col: usize, row: usize): void {
  const v0 = v128.load(x), v1 = v128.load(x + col), v2 = v128.load(x + row), v3 = v128.load(x + row + col);
  const inf = f32x4.splat(-Infinity);
  const valid0 = f32x4.eq(v0, v0);
  let best = v128.bitselect(v0, inf, valid0);
  const at1 = f32x4.ge(v1, best);
  best = v128.bitselect(v1, best, at1);
  const at2 = f32x4.ge(v2, best);
  best = v128.bitselect(v2, best, at2);
  const at3 = f32x4.ge(v3, best);
  const later2 = v128.or(at2, at3);
  const later1 = v128.or(at1, later2);
  v128.store(out + row + col, v128.and(g, at3));
  v128.store(out + row, v128.and(v128.andnot(g, at3), at2));
  v128.store(out + col, v128.andnot(v128.and(g, at1), later2));
  v128.store(out, v128.andnot(v128.and(g, valid0), later1));
}

/** The same rule for one channel. */
@inline
function window1(x: usize, out: usize, g: f32, col: usize, row: usize): void {
  const v0 = load<f32>(x), v1 = load<f32>(x + col), v2 = load<f32>(x + row), v3 = load<f32>(x + row + col);
  store<f32>(out, 0);
  store<f32>(out + col, 0);
  store<f32>(out + row, 0);
  store<f32>(out + row + col, 0);
  const valid0 = v0 >= -Infinity;
  let best: f32 = valid0 ? v0 : -Infinity;
  let at: usize = out;
  let found = valid0;
  if (v1 >= best) {
    best = v1;
    at = out + col;
    found = true;
  }
  if (v2 >= best) {
    best = v2;
    at = out + row;
    found = true;
  }
  if (v3 >= best) {
    at = out + row + col;
    found = true;
  }
  if (found) store<f32>(at, g);
}

/**
 * Writes the gradient of a 2×2, stride-2 max pool with windows inside the input (byte offsets
 * `x` [n,h,w,c] the pool's input, `dy` [n,oh,ow,c] its output gradient, `dx` like `x`).
 */
export function maxPoolGrad2x2(x: usize, dy: usize, dx: usize, n: i32, h: i32, w: i32, c: i32, oh: i32, ow: i32): void {
  // a last row or column no window covers gets no gradient
  if (2 * oh < h || 2 * ow < w) memory.fill(dx, 0, <usize>(n * h * w * c) << 2);
  const col = <usize>c << 2;
  const row = <usize>w * col;
  const c4End = c & ~3;
  let g = dy;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      const offset = <usize>(b * h + 2 * y) * row;
      for (let p = 0; p < ow; p++) {
        const at = offset + (<usize>(2 * p) * col);
        for (let ch = 0; ch < c4End; ch += 4) {
          window4(x + at + (<usize>ch << 2), dx + at + (<usize>ch << 2), v128.load(g + (<usize>ch << 2)), col, row);
        }
        for (let ch = c4End; ch < c; ch++) {
          window1(x + at + (<usize>ch << 2), dx + at + (<usize>ch << 2), load<f32>(g + (<usize>ch << 2)), col, row);
        }
        g += col;
      }
    }
  }
}
