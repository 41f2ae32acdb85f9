/**
 * AssemblyScript source of the wasm filter gradient (`npm run build:kernels` compiles the sources
 * listed in `asconfig.json` to `kernels.wasm`, committed next to them; a test checks they agree).
 * It runs on the heap of tfjs' wasm backend (imported memory), so it reads the tensors where they lie.
 *
 * `dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·sh + kh − pt, ow·sw + kw − pl, ci] · dy[n,oh,ow,co]`
 * for NHWC `x` and `dy` and an HWIO `dW`, taps outside `x` being zero padding.
 *
 * For each output row `(n, oh)` (its `dy` row and the input rows its taps read stay in L1), each
 * tap `(kh, kw)` and each tile of the filter, the tile's accumulators stay in SIMD registers over
 * the row's pixels. The main tile is 2 input channels × 16 output channels (8 `f32x4`
 * accumulators, the fastest of the tiles measured); an odd last input channel and output channels
 * past the last multiple of 16 take 1 × 4 tiles, and those past the last multiple of 4 a scalar
 * loop. The order of every sum is fixed, so results are deterministic.
 */

import { store16 } from './simdRows';

/**
 * 2 input channels × 16 output channels over a row segment: `count` pixels of `x` from `xp` and of
 * `dy` from `dp`, `xStep` and `dyStep` bytes apart, added to the accumulators at `acc` (the second
 * input channel's `coBytes` further).
 */
@inline
function pairBy16(acc: usize, coBytes: usize, xp: usize, xStep: usize, dp: usize, dyStep: usize, count: i32): void {
  const accB = acc + coBytes;
  let a0 = v128.load(acc), a1 = v128.load(acc, 16), a2 = v128.load(acc, 32), a3 = v128.load(acc, 48);
  let b0 = v128.load(accB), b1 = v128.load(accB, 16), b2 = v128.load(accB, 32), b3 = v128.load(accB, 48);
  for (let i = 0; i < count; i++) {
    const d0 = v128.load(dp), d1 = v128.load(dp, 16), d2 = v128.load(dp, 32), d3 = v128.load(dp, 48);
    const s = v128.load32_splat(xp), t = v128.load32_splat(xp, 4);
    a0 = f32x4.add(a0, f32x4.mul(s, d0));
    a1 = f32x4.add(a1, f32x4.mul(s, d1));
    a2 = f32x4.add(a2, f32x4.mul(s, d2));
    a3 = f32x4.add(a3, f32x4.mul(s, d3));
    b0 = f32x4.add(b0, f32x4.mul(t, d0));
    b1 = f32x4.add(b1, f32x4.mul(t, d1));
    b2 = f32x4.add(b2, f32x4.mul(t, d2));
    b3 = f32x4.add(b3, f32x4.mul(t, d3));
    xp += xStep;
    dp += dyStep;
  }
  store16(acc, a0, a1, a2, a3);
  store16(accB, b0, b1, b2, b3);
}

/** One input channel × 4 output channels over a row segment. */
@inline
function oneBy4(acc: usize, xp: usize, xStep: usize, dp: usize, dyStep: usize, count: i32): void {
  let a = v128.load(acc);
  for (let i = 0; i < count; i++) {
    a = f32x4.add(a, f32x4.mul(v128.load32_splat(xp), v128.load(dp)));
    xp += xStep;
    dp += dyStep;
  }
  v128.store(acc, a);
}

/** One input channel × 1 output channel over a row segment. */
@inline
function oneByOne(acc: usize, xp: usize, xStep: usize, dp: usize, dyStep: usize, count: i32): void {
  let a = load<f32>(acc);
  for (let i = 0; i < count; i++) {
    a += load<f32>(xp) * load<f32>(dp);
    xp += xStep;
    dp += dyStep;
  }
  store<f32>(acc, a);
}

/**
 * Writes the filter gradient of a 2-D convolution to `dW` (byte offsets `x`, `dy`, `dW` on the
 * heap; shapes `x` [n,h,w,ci], `dy` [n,oh,ow,co], `dW` [kh,kw,ci,co]).
 */
export function conv2dFilterGradient(
  x: usize, dy: usize, dW: usize,
  n: i32, h: i32, w: i32, ci: i32, oh: i32, ow: i32, co: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, pt: i32, pl: i32,
): void {
  memory.fill(dW, 0, <usize>(kh * kw * ci * co) << 2);
  const coBytes = <usize>co << 2;
  const xStep = <usize>(sw * ci) << 2;
  const ciPairsEnd = ci & ~1;
  const co16End = co & ~15;
  const co4End = co & ~3;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      const dyRow = dy + (<usize>((b * oh + y) * ow) * coBytes);
      for (let ky = 0; ky < kh; ky++) {
        const iy = y * sh + ky - pt;
        if (iy < 0 || iy >= h) continue;
        const xRow = x + ((<usize>((b * h + iy) * w * ci)) << 2);
        for (let kx = 0; kx < kw; kx++) {
          // the pixels of this row whose tap lies inside x
          const offset = kx - pl;
          let first = 0;
          while (first < ow && first * sw + offset < 0) first++;
          let end = ow;
          while (end > first && (end - 1) * sw + offset >= w) end--;
          const count = end - first;
          if (count <= 0) continue;
          const xFirst = xRow + ((<usize>((first * sw + offset) * ci)) << 2);
          const dyFirst = dyRow + <usize>first * coBytes;
          const tap = dW + (<usize>((ky * kw + kx) * ci) * coBytes);
          for (let c = 0; c < ciPairsEnd; c += 2) {
            for (let o = 0; o < co16End; o += 16) {
              pairBy16(tap + <usize>c * coBytes + (<usize>o << 2), coBytes, xFirst + (<usize>c << 2), xStep, dyFirst + (<usize>o << 2), coBytes, count);
            }
          }
          for (let c = 0; c < ci; c++) {
            const rowAcc = tap + <usize>c * coBytes;
            const xc = xFirst + (<usize>c << 2);
            for (let o = c < ciPairsEnd ? co16End : 0; o < co4End; o += 4) {
              oneBy4(rowAcc + (<usize>o << 2), xc, xStep, dyFirst + (<usize>o << 2), coBytes, count);
            }
            for (let o = co4End; o < co; o++) {
              oneByOne(rowAcc + (<usize>o << 2), xc, xStep, dyFirst + (<usize>o << 2), coBytes, count);
            }
          }
        }
      }
    }
  }
}
