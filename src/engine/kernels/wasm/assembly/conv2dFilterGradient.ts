/**
 * AssemblyScript source of the wasm filter gradient (`npm run build:kernels` compiles the sources
 * listed in `asconfig.json` to `kernels.wasm`, committed next to them; a test checks they agree).
 * It runs on the heap of tfjs' wasm backend (imported memory), so it reads the tensors where they lie.
 *
 * `dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·sh + kh − pt, ow·sw + kw − pl, ci] · dy[n,oh,ow,co]`
 * for NHWC `x` and `dy` and an HWIO `dW`, taps outside `x` being zero padding.
 *
 * For each block of output rows of one image (as many rows as keep their `dy` rows and the input
 * rows their taps read within ~64 KB, so in L2: a whole map of the mini nets; 16, 32 and 64 KB measured, 64 the fastest), each tap `(kh, kw)` and
 * each tile of the filter, the tile's accumulators stay in SIMD registers over the block's rows and
 * their pixels. The main tile is 2 input channels × 16 output channels (8 `f32x4`
 * accumulators, the fastest of the tiles measured); an odd last input channel and output channels
 * past the last multiple of 16 take 1 × 4 tiles, and those past the last multiple of 4 a scalar
 * loop. Every sum runs over images, then output rows, then pixels, in order, whatever the blocks,
 * so results are deterministic and do not depend on the block size.
 */

import { madd, store16 } from './simdRows';

/**
 * 2 input channels × 16 output channels over `rows` row segments: in each, `count` pixels of `x`
 * from `xp` and of `dy` from `dp`, `xStep` and `dyStep` bytes apart; the next segment starts
 * `xRowStep` and `dyRowStep` bytes on. Added to the accumulators at `acc` (the second input
 * channel's `coBytes` further).
 */
@inline
function pairBy16(acc: usize, coBytes: usize, xp: usize, xStep: usize, xRowStep: usize, dp: usize, dyStep: usize, dyRowStep: usize, rows: i32, count: i32): void {
  const accB = acc + coBytes;
  let a0 = v128.load(acc), a1 = v128.load(acc, 16), a2 = v128.load(acc, 32), a3 = v128.load(acc, 48);
  let b0 = v128.load(accB), b1 = v128.load(accB, 16), b2 = v128.load(accB, 32), b3 = v128.load(accB, 48);
  for (let r = 0; r < rows; r++) {
    let xq = xp;
    let dq = dp;
    for (let i = 0; i < count; i++) {
      const d0 = v128.load(dq), d1 = v128.load(dq, 16), d2 = v128.load(dq, 32), d3 = v128.load(dq, 48);
      const s = v128.load32_splat(xq), t = v128.load32_splat(xq, 4);
      a0 = madd(a0, s, d0);
      a1 = madd(a1, s, d1);
      a2 = madd(a2, s, d2);
      a3 = madd(a3, s, d3);
      b0 = madd(b0, t, d0);
      b1 = madd(b1, t, d1);
      b2 = madd(b2, t, d2);
      b3 = madd(b3, t, d3);
      xq += xStep;
      dq += dyStep;
    }
    xp += xRowStep;
    dp += dyRowStep;
  }
  store16(acc, a0, a1, a2, a3);
  store16(accB, b0, b1, b2, b3);
}

/** One input channel × 4 output channels over `rows` row segments. */
@inline
function oneBy4(acc: usize, xp: usize, xStep: usize, xRowStep: usize, dp: usize, dyStep: usize, dyRowStep: usize, rows: i32, count: i32): void {
  let a = v128.load(acc);
  for (let r = 0; r < rows; r++) {
    let xq = xp;
    let dq = dp;
    for (let i = 0; i < count; i++) {
      a = madd(a, v128.load32_splat(xq), v128.load(dq));
      xq += xStep;
      dq += dyStep;
    }
    xp += xRowStep;
    dp += dyRowStep;
  }
  v128.store(acc, a);
}

/** One input channel × 1 output channel over `rows` row segments. */
@inline
function oneByOne(acc: usize, xp: usize, xStep: usize, xRowStep: usize, dp: usize, dyStep: usize, dyRowStep: usize, rows: i32, count: i32): void {
  let a = load<f32>(acc);
  for (let r = 0; r < rows; r++) {
    let xq = xp;
    let dq = dp;
    for (let i = 0; i < count; i++) {
      a += load<f32>(xq) * load<f32>(dq);
      xq += xStep;
      dq += dyStep;
    }
    xp += xRowStep;
    dp += dyRowStep;
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
  const xRowStep = <usize>(sh * w * ci) << 2;
  const dyRowStep = <usize>ow * coBytes;
  // output rows per block: their dy rows and the input rows their taps read within ~64 KB
  const blockRows = max(1, 65536 / <i32>(dyRowStep + xRowStep + ((<usize>(kh * w * ci)) << 2)));
  for (let b = 0; b < n; b++) {
    for (let y0 = 0; y0 < oh; y0 += blockRows) {
      const y1 = min(oh, y0 + blockRows);
      for (let ky = 0; ky < kh; ky++) {
        // the block's rows whose tap row lies inside x
        let yA = y0;
        while (yA < y1 && yA * sh + ky - pt < 0) yA++;
        let yB = y1;
        while (yB > yA && (yB - 1) * sh + ky - pt >= h) yB--;
        const rows = yB - yA;
        if (rows <= 0) continue;
        const xRow = x + ((<usize>((b * h + yA * sh + ky - pt) * w * ci)) << 2);
        const dyRow = dy + (<usize>((b * oh + yA) * ow) * coBytes);
        for (let kx = 0; kx < kw; kx++) {
          // the pixels of a row whose tap lies inside x
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
              pairBy16(tap + <usize>c * coBytes + (<usize>o << 2), coBytes, xFirst + (<usize>c << 2), xStep, xRowStep, dyFirst + (<usize>o << 2), coBytes, dyRowStep, rows, count);
            }
          }
          for (let c = 0; c < ci; c++) {
            const rowAcc = tap + <usize>c * coBytes;
            const xc = xFirst + (<usize>c << 2);
            for (let o = c < ciPairsEnd ? co16End : 0; o < co4End; o += 4) {
              oneBy4(rowAcc + (<usize>o << 2), xc, xStep, xRowStep, dyFirst + (<usize>o << 2), coBytes, dyRowStep, rows, count);
            }
            for (let o = co4End; o < co; o++) {
              oneByOne(rowAcc + (<usize>o << 2), xc, xStep, xRowStep, dyFirst + (<usize>o << 2), coBytes, dyRowStep, rows, count);
            }
          }
        }
      }
    }
  }
}
