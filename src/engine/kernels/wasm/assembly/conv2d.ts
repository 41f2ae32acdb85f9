/**
 * AssemblyScript source of the wasm convolution (compiled with the filter gradient into
 * `kernels.wasm`, see `conv2dFilterGradient.ts`). It runs on the heap of tfjs' wasm backend
 * (imported memory).
 *
 * `out[n,oh,ow,co] = Σ_{kh,kw,ci} x[n, oh·sh + kh − pt, ow·sw + kw − pl, ci] · w[kh,kw,ci,co]`
 * for NHWC `x`, HWIO `w` and NHWC `out`, taps outside `x` being zero padding (either pad may be
 * negative: the input gradient runs through here as a convolution of the output gradient).
 *
 * For one output pixel, the taps of one kernel row that lie inside `x` read a contiguous run of
 * `x` (taps × input channels) against contiguous filter rows, so the whole sum is `rows` runs of
 * `len` products. Pixels are taken in pairs whose taps lie at the same offsets: the same pixel of
 * two consecutive images (so border pixels pair too: on a 4×4 map 12 of 16 pixels are border), or,
 * in an odd last image, horizontal neighbours whose taps all lie inside `x`. 8 `f32x4` accumulators
 * (2 pixels × 16 output channels) stay in SIMD registers over all their runs, and 2 × 8 tiles take
 * 8 channels past the last multiple of 16. The odd last image's border pixels take 1 × 16 tiles, the
 * remaining output channels 1 × 4 tiles and those past the last multiple of 4 a scalar loop. Every tile sums each
 * output in the same order (kernel rows, then each run in order), so results are deterministic and
 * do not depend on which tile computed them.
 *
 * With `scale` ≠ 0 each output row is followed, while it is in cache, by eval-mode batch norm and
 * optionally ReLU ({@link batchNormRow}), so an eval-mode conv → BN → ReLU unit is one pass.
 */

import { madd, store16 } from './simdRows';

/*
 * The tiles below take one output pixel's runs as: `xRow` the first run's input, `xRowStep` the next
 * kernel row's, `wRow` the first run's filter row (at the tile's first output channel), `wRowStep`
 * the next kernel row's, `coBytes` the next input channel's filter row (all in bytes), `rows` the
 * kernel rows inside `x` and `len` the products per run (taps inside `x` × input channels).
 */

/** 2 pixels (`xPair` bytes apart in `x`, `outPair` in `out`) × 16 output channels. */
@inline
function pairBy16(out: usize, outPair: usize, xPair: usize, xRow: usize, xRowStep: usize, wRow: usize, wRowStep: usize, coBytes: usize, rows: i32, len: i32): void {
  let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
  for (let row = 0; row < rows; row++) {
    let xp = xRow;
    let wp = wRow;
    for (let i = 0; i < len; i++) {
      const w0 = v128.load(wp), w1 = v128.load(wp, 16), w2 = v128.load(wp, 32), w3 = v128.load(wp, 48);
      const s = v128.load32_splat(xp), t = v128.load32_splat(xp + xPair);
      a0 = madd(a0, s, w0);
      a1 = madd(a1, s, w1);
      a2 = madd(a2, s, w2);
      a3 = madd(a3, s, w3);
      b0 = madd(b0, t, w0);
      b1 = madd(b1, t, w1);
      b2 = madd(b2, t, w2);
      b3 = madd(b3, t, w3);
      xp += 4;
      wp += coBytes;
    }
    xRow += xRowStep;
    wRow += wRowStep;
  }
  const outB = out + outPair;
  store16(out, a0, a1, a2, a3);
  store16(outB, b0, b1, b2, b3);
}

/** 2 pixels × 8 output channels (the 8 past the last multiple of 16, e.g. a width-8 layer). */
@inline
function pairBy8(out: usize, outPair: usize, xPair: usize, xRow: usize, xRowStep: usize, wRow: usize, wRowStep: usize, coBytes: usize, rows: i32, len: i32): void {
  let a0 = f32x4.splat(0), a1 = a0, b0 = a0, b1 = a0;
  for (let row = 0; row < rows; row++) {
    let xp = xRow;
    let wp = wRow;
    for (let i = 0; i < len; i++) {
      const w0 = v128.load(wp), w1 = v128.load(wp, 16);
      const s = v128.load32_splat(xp), t = v128.load32_splat(xp + xPair);
      a0 = madd(a0, s, w0);
      a1 = madd(a1, s, w1);
      b0 = madd(b0, t, w0);
      b1 = madd(b1, t, w1);
      xp += 4;
      wp += coBytes;
    }
    xRow += xRowStep;
    wRow += wRowStep;
  }
  v128.store(out, a0);
  v128.store(out, a1, 16);
  v128.store(out + outPair, b0);
  v128.store(out + outPair, b1, 16);
}

/** 1 pixel × 16 output channels. */
@inline
function oneBy16(out: usize, xRow: usize, xRowStep: usize, wRow: usize, wRowStep: usize, coBytes: usize, rows: i32, len: i32): void {
  let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
  for (let row = 0; row < rows; row++) {
    let xp = xRow;
    let wp = wRow;
    for (let i = 0; i < len; i++) {
      const s = v128.load32_splat(xp);
      a0 = madd(a0, s, v128.load(wp));
      a1 = madd(a1, s, v128.load(wp, 16));
      a2 = madd(a2, s, v128.load(wp, 32));
      a3 = madd(a3, s, v128.load(wp, 48));
      xp += 4;
      wp += coBytes;
    }
    xRow += xRowStep;
    wRow += wRowStep;
  }
  store16(out, a0, a1, a2, a3);
}

/** 1 pixel × 4 output channels. */
@inline
function oneBy4(out: usize, xRow: usize, xRowStep: usize, wRow: usize, wRowStep: usize, coBytes: usize, rows: i32, len: i32): void {
  let a = f32x4.splat(0);
  for (let row = 0; row < rows; row++) {
    let xp = xRow;
    let wp = wRow;
    for (let i = 0; i < len; i++) {
      a = madd(a, v128.load32_splat(xp), v128.load(wp));
      xp += 4;
      wp += coBytes;
    }
    xRow += xRowStep;
    wRow += wRowStep;
  }
  v128.store(out, a);
}

/** 1 pixel × 1 output channel. */
@inline
function oneByOne(out: usize, xRow: usize, xRowStep: usize, wRow: usize, wRowStep: usize, coBytes: usize, rows: i32, len: i32): void {
  let a: f32 = 0;
  for (let row = 0; row < rows; row++) {
    let xp = xRow;
    let wp = wRow;
    for (let i = 0; i < len; i++) {
      a += load<f32>(xp) * load<f32>(wp);
      xp += 4;
      wp += coBytes;
    }
    xRow += xRowStep;
    wRow += wRowStep;
  }
  store<f32>(out, a);
}

/** One pixel's output channels from `from` on: 16 at a time, then 4, then 1. */
@inline
function onePixel(out: usize, xp: usize, xRowStep: usize, wp: usize, wRowStep: usize, co: i32, rows: i32, len: i32, from: i32): void {
  const coBytes = <usize>co << 2;
  const co16End = co & ~15;
  const co4End = co & ~3;
  for (let o = from; o < co16End; o += 16) oneBy16(out + (<usize>o << 2), xp, xRowStep, wp + (<usize>o << 2), wRowStep, coBytes, rows, len);
  if (from < co16End) from = co16End;
  for (let o = from; o < co4End; o += 4) oneBy4(out + (<usize>o << 2), xp, xRowStep, wp + (<usize>o << 2), wRowStep, coBytes, rows, len);
  for (let o = co4End; o < co; o++) oneByOne(out + (<usize>o << 2), xp, xRowStep, wp + (<usize>o << 2), wRowStep, coBytes, rows, len);
}

/**
 * Two pixels' output channels: the pixel at `xp`/`out` and its partner `xPair`/`outPair` bytes on,
 * whose taps lie at the same offsets (same kernel rows and columns inside `x`).
 */
@inline
function pixelPair(out: usize, outPair: usize, xp: usize, xPair: usize, xRowStep: usize, wp: usize, wRowStep: usize, co: i32, rows: i32, len: i32): void {
  const coBytes = <usize>co << 2;
  const co16End = co & ~15;
  for (let o = 0; o < co16End; o += 16) {
    pairBy16(out + (<usize>o << 2), outPair, xPair, xp, xRowStep, wp + (<usize>o << 2), wRowStep, coBytes, rows, len);
  }
  let pairedEnd = co16End;
  if (co - co16End >= 8) {
    pairBy8(out + (<usize>co16End << 2), outPair, xPair, xp, xRowStep, wp + (<usize>co16End << 2), wRowStep, coBytes, rows, len);
    pairedEnd += 8;
  }
  onePixel(out, xp, xRowStep, wp, wRowStep, co, rows, len, pairedEnd);
  onePixel(out + outPair, xp + xPair, xRowStep, wp, wRowStep, co, rows, len, pairedEnd);
}

/**
 * Eval-mode batch norm of `pixels` output pixels × `co` channels at `out`, in place, then ReLU when
 * `relu`: `v + negMean[c]`, then `· scale[c] + offset[c]`, then `max(0, v)`, each rounded where the
 * separate ops round (a channelwise multiply-add each, as XNNPACK's 1×1 depthwise convolutions that
 * batch norm's channel maps are, and ReLU as XNNPACK's clamp, whose pseudo-maximum maps −0 to +0),
 * so the results are bit-identical to those ops for finite values.
 */
@inline
function batchNormRow(out: usize, pixels: i32, co: i32, negMean: usize, scale: usize, offset: usize, relu: bool): void {
  const co4End = co & ~3;
  const zero = f32x4.splat(0);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < co4End; c += 4) {
      const at = <usize>c << 2;
      let v = f32x4.add(v128.load(out + at), v128.load(negMean + at));
      v = f32x4.add(f32x4.mul(v, v128.load(scale + at)), v128.load(offset + at));
      v128.store(out + at, relu ? f32x4.pmax(zero, v) : v);
    }
    for (let c = co4End; c < co; c++) {
      const at = <usize>c << 2;
      let v: f32 = load<f32>(out + at) + load<f32>(negMean + at);
      v = v * load<f32>(scale + at) + load<f32>(offset + at);
      store<f32>(out + at, relu && !(<f32>0 < v) ? 0 : v);
    }
    out += <usize>co << 2;
  }
}

/**
 * Writes a 2-D convolution to `out` (byte offsets `x`, `w`, `out` on the heap; shapes `x`
 * [n,h,w,ci], `w` [kh,kw,ci,co], `out` [n,oh,ow,co]). Images are taken two at a time: a pixel and
 * the same pixel of the next image have their taps at the same offsets, so every pixel, the border
 * ones included, runs in the 2-pixel tiles; an odd last image pairs horizontal neighbours whose taps
 * all lie inside `x`. With `scale` ≠ 0, each finished output row gets {@link batchNormRow} with the
 * per-channel `negMean`, `scale` and `offset` (byte offsets of `co` floats each) and `relu` (0 or 1).
 */
export function conv2d(
  x: usize, w: usize, out: usize,
  n: i32, h: i32, width: i32, ci: i32, oh: i32, ow: i32, co: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, pt: i32, pl: i32,
  negMean: usize, scale: usize, offset: usize, relu: i32,
): void {
  const ciBytes = <usize>ci << 2;
  const coBytes = <usize>co << 2;
  const xNeighbour = <usize>sw * ciBytes;
  const xImage = <usize>(h * width) * ciBytes;
  const outImage = <usize>(oh * ow) * coBytes;
  const xRowStep = <usize>width * ciBytes;
  const wRowStep = <usize>(kw * ci) * coBytes;
  for (let b = 0; b < n; b++) {
    const imagePair = b + 1 < n;
    for (let y = 0; y < oh; y++) {
      // kernel rows inside x for this output row
      let kyStart = 0;
      while (kyStart < kh && y * sh + kyStart - pt < 0) kyStart++;
      let kyEnd = kh;
      while (kyEnd > kyStart && y * sh + kyEnd - 1 - pt >= h) kyEnd--;
      const rows = kyEnd - kyStart;
      const xRow = x + (<usize>((b * h + y * sh + kyStart - pt) * width) * ciBytes);
      const wRows = w + <usize>kyStart * wRowStep;
      const outRow = out + (<usize>((b * oh + y) * ow) * coBytes);
      let outPixel = outRow;
      let p = 0;
      while (p < ow) {
        // kernel columns inside x for pixel p
        const ix = p * sw - pl;
        let kxStart = 0;
        while (kxStart < kw && ix + kxStart < 0) kxStart++;
        let kxEnd = kw;
        while (kxEnd > kxStart && ix + kxEnd - 1 >= width) kxEnd--;
        const xp = xRow + <usize>(ix + kxStart) * ciBytes;
        const wp = wRows + <usize>(kxStart * ci) * coBytes;
        const len = (kxEnd - kxStart) * ci;
        if (imagePair) {
          pixelPair(outPixel, outImage, xp, xImage, xRowStep, wp, wRowStep, co, rows, len);
          outPixel += coBytes;
          p += 1;
        } else if (kxStart === 0 && kxEnd === kw && p + 1 < ow && ix + sw + kw - 1 < width) {
          pixelPair(outPixel, coBytes, xp, xNeighbour, xRowStep, wp, wRowStep, co, rows, len);
          outPixel += coBytes << 1;
          p += 2;
        } else {
          onePixel(outPixel, xp, xRowStep, wp, wRowStep, co, rows, len, 0);
          outPixel += coBytes;
          p += 1;
        }
      }
      if (scale !== 0) {
        batchNormRow(outRow, ow, co, negMean, scale, offset, relu !== 0);
        if (imagePair) batchNormRow(outRow + outImage, ow, co, negMean, scale, offset, relu !== 0);
      }
    }
    if (imagePair) b++;
  }
}
