/**
 * AssemblyScript source of the train-mode batch-norm passes that compute channel means (compiled with
 * the convolutions into `kernels.wasm`, see `conv2dFilterGradient.ts`), bit-identical to the
 * composite's channel means (`models/channelOps.ts`: XNNPACK's global average pool of each image,
 * then tfjs' mean over the batch), which they compute while producing their operands, so that those
 * are never written to memory.
 *
 * XNNPACK's pool (f32 `gavgpool` 7x / 7p7x) sums an image's pixels in row-major order in groups of
 * 7: the first as ((p0 + p1) + p6) + ((p2 + p3) + (p4 + p5)) ({@link firstGroup}), each later one
 * into the running sum `a` as ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + a)) ({@link nextGroup}),
 * missing pixels of the last group being +0; then multiplies by the float 1 / pixels and clamps to
 * [−∞, +∞] ({@link pooled}). The batch mean adds the images' pools to 0 in order and divides by the
 * image count. 4 channels at a time, the rest one by one with the same float32 operations.
 */

@inline
function firstGroup(r0: v128, r1: v128, r2: v128, r3: v128, r4: v128, r5: v128, r6: v128): v128 {
  return f32x4.add(f32x4.add(f32x4.add(r0, r1), r6), f32x4.add(f32x4.add(r2, r3), f32x4.add(r4, r5)));
}

@inline
function nextGroup(r0: v128, r1: v128, r2: v128, r3: v128, r4: v128, r5: v128, r6: v128, a: v128): v128 {
  return f32x4.add(f32x4.add(f32x4.add(r0, r1), f32x4.add(r2, r3)), f32x4.add(f32x4.add(r4, r5), f32x4.add(r6, a)));
}

@inline
function firstGroup1(r0: f32, r1: f32, r2: f32, r3: f32, r4: f32, r5: f32, r6: f32): f32 {
  return (r0 + r1 + r6) + ((r2 + r3) + (r4 + r5));
}

@inline
function nextGroup1(r0: f32, r1: f32, r2: f32, r3: f32, r4: f32, r5: f32, r6: f32, a: f32): f32 {
  return ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + a));
}

/** An image's pool from its sum: `sum · scale`, clamped as `pmin(+∞, pmax(−∞, ·))`. */
@inline
function pooled(sum: v128, scale: v128): v128 {
  return f32x4.pmin(f32x4.splat(Infinity), f32x4.pmax(f32x4.splat(-Infinity), f32x4.mul(sum, scale)));
}

@inline
function pooled1(sum: f32, scale: f32): f32 {
  let v = sum * scale;
  v = -Infinity < v ? v : -Infinity;
  return v < Infinity ? v : Infinity;
}

/** Adds image `b`'s pool of 4 channels to the running sums at `total`. */
@inline
function addPool(total: usize, b: i32, sum: v128, scale: v128): void {
  v128.store(total, f32x4.add(b === 0 ? f32x4.splat(0) : v128.load(total), pooled(sum, scale)));
}

@inline
function addPool1(total: usize, b: i32, sum: f32, scale: f32): void {
  store<f32>(total, (b === 0 ? <f32>0 : load<f32>(total)) + pooled1(sum, scale));
}

/** Divides the `c` running sums at `total` by the image count. */
function divideByImages(total: usize, images: i32, c: i32): void {
  const n: f32 = <f32>images;
  const c4 = c & ~3;
  for (let k = 0; k < c4; k += 4) v128.store(total + (<usize>k << 2), f32x4.div(v128.load(total + (<usize>k << 2)), f32x4.splat(n)));
  for (let k = c4; k < c; k++) store<f32>(total + (<usize>k << 2), load<f32>(total + (<usize>k << 2)) / n);
}

/** 4 channels of pixel `p` at `base` (`row` bytes a pixel), or +0 past the image. */
@inline
function at4(base: usize, p: i32, pixels: i32, row: usize): v128 {
  return p < pixels ? v128.load(base + <usize>p * row) : f32x4.splat(0);
}

@inline
function at1(base: usize, p: i32, pixels: i32, row: usize): f32 {
  return p < pixels ? load<f32>(base + <usize>p * row) : 0;
}

/** `mean` = the channel means of `x` (`images` × `pixels` × `c`). */
export function batchNormMean(x: usize, mean: usize, images: i32, pixels: i32, c: i32): void {
  const row = <usize>c << 2;
  const c4 = c & ~3;
  const scale: f32 = <f32>1 / <f32>pixels;
  for (let b = 0; b < images; b++) {
    const image = x + <usize>b * <usize>pixels * row;
    for (let k = 0; k < c4; k += 4) {
      const base = image + (<usize>k << 2);
      let acc = firstGroup(at4(base, 0, pixels, row), at4(base, 1, pixels, row), at4(base, 2, pixels, row), at4(base, 3, pixels, row), at4(base, 4, pixels, row), at4(base, 5, pixels, row), at4(base, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup(at4(base, p, pixels, row), at4(base, p + 1, pixels, row), at4(base, p + 2, pixels, row), at4(base, p + 3, pixels, row), at4(base, p + 4, pixels, row), at4(base, p + 5, pixels, row), at4(base, p + 6, pixels, row), acc);
      }
      addPool(mean + (<usize>k << 2), b, acc, f32x4.splat(scale));
    }
    for (let k = c4; k < c; k++) {
      const base = image + (<usize>k << 2);
      let acc = firstGroup1(at1(base, 0, pixels, row), at1(base, 1, pixels, row), at1(base, 2, pixels, row), at1(base, 3, pixels, row), at1(base, 4, pixels, row), at1(base, 5, pixels, row), at1(base, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup1(at1(base, p, pixels, row), at1(base, p + 1, pixels, row), at1(base, p + 2, pixels, row), at1(base, p + 3, pixels, row), at1(base, p + 4, pixels, row), at1(base, p + 5, pixels, row), at1(base, p + 6, pixels, row), acc);
      }
      addPool1(mean + (<usize>k << 2), b, acc, scale);
    }
  }
  divideByImages(mean, images, c);
}

/** `(x − μ)²` of 4 channels of pixel `p`, after storing `x − μ` at `centred`; +0 past the image. */
@inline
function centred4(x: usize, centred: usize, m: v128, p: i32, pixels: i32, row: usize): v128 {
  if (p >= pixels) return f32x4.splat(0);
  const d = f32x4.sub(v128.load(x + <usize>p * row), m);
  v128.store(centred + <usize>p * row, d);
  return f32x4.mul(d, d);
}

@inline
function centred1(x: usize, centred: usize, m: f32, p: i32, pixels: i32, row: usize): f32 {
  if (p >= pixels) return 0;
  const d: f32 = load<f32>(x + <usize>p * row) - m;
  store<f32>(centred + <usize>p * row, d);
  return d * d;
}

/** `centred = x − μ`, and `variance` = the channel means of `centred²`. */
export function batchNormCentreVariance(x: usize, mean: usize, centred: usize, variance: usize, images: i32, pixels: i32, c: i32): void {
  const row = <usize>c << 2;
  const c4 = c & ~3;
  const scale: f32 = <f32>1 / <f32>pixels;
  for (let b = 0; b < images; b++) {
    const offset = <usize>b * <usize>pixels * row;
    for (let k = 0; k < c4; k += 4) {
      const xs = x + offset + (<usize>k << 2);
      const cs = centred + offset + (<usize>k << 2);
      const m = v128.load(mean + (<usize>k << 2));
      let acc = firstGroup(centred4(xs, cs, m, 0, pixels, row), centred4(xs, cs, m, 1, pixels, row), centred4(xs, cs, m, 2, pixels, row), centred4(xs, cs, m, 3, pixels, row), centred4(xs, cs, m, 4, pixels, row), centred4(xs, cs, m, 5, pixels, row), centred4(xs, cs, m, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup(centred4(xs, cs, m, p, pixels, row), centred4(xs, cs, m, p + 1, pixels, row), centred4(xs, cs, m, p + 2, pixels, row), centred4(xs, cs, m, p + 3, pixels, row), centred4(xs, cs, m, p + 4, pixels, row), centred4(xs, cs, m, p + 5, pixels, row), centred4(xs, cs, m, p + 6, pixels, row), acc);
      }
      addPool(variance + (<usize>k << 2), b, acc, f32x4.splat(scale));
    }
    for (let k = c4; k < c; k++) {
      const xs = x + offset + (<usize>k << 2);
      const cs = centred + offset + (<usize>k << 2);
      const m = load<f32>(mean + (<usize>k << 2));
      let acc = firstGroup1(centred1(xs, cs, m, 0, pixels, row), centred1(xs, cs, m, 1, pixels, row), centred1(xs, cs, m, 2, pixels, row), centred1(xs, cs, m, 3, pixels, row), centred1(xs, cs, m, 4, pixels, row), centred1(xs, cs, m, 5, pixels, row), centred1(xs, cs, m, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup1(centred1(xs, cs, m, p, pixels, row), centred1(xs, cs, m, p + 1, pixels, row), centred1(xs, cs, m, p + 2, pixels, row), centred1(xs, cs, m, p + 3, pixels, row), centred1(xs, cs, m, p + 4, pixels, row), centred1(xs, cs, m, p + 5, pixels, row), centred1(xs, cs, m, p + 6, pixels, row), acc);
      }
      addPool1(variance + (<usize>k << 2), b, acc, scale);
    }
  }
  divideByImages(variance, images, c);
}

/** `dy · step(out)` of 4 channels of pixel `p` (stored at `dyIn`) with `relu`, else `dy`; +0 past the image. */
@inline
function gradient4(dy: usize, out: usize, dyIn: usize, relu: bool, p: i32, pixels: i32, row: usize): v128 {
  if (p >= pixels) return f32x4.splat(0);
  let g = v128.load(dy + <usize>p * row);
  if (relu) {
    g = f32x4.mul(g, v128.bitselect(f32x4.splat(1), f32x4.splat(0), f32x4.lt(f32x4.splat(0), v128.load(out + <usize>p * row))));
    v128.store(dyIn + <usize>p * row, g);
  }
  return g;
}

@inline
function gradient1(dy: usize, out: usize, dyIn: usize, relu: bool, p: i32, pixels: i32, row: usize): f32 {
  if (p >= pixels) return 0;
  let g = load<f32>(dy + <usize>p * row);
  if (relu) {
    g = g * (<f32>0 < load<f32>(out + <usize>p * row) ? <f32>1 : <f32>0);
    store<f32>(dyIn + <usize>p * row, g);
  }
  return g;
}

/** `g · x̂` of 4 channels of pixel `p`, `g` read at `g` (dyIn), `x̂ = 0 + centred·σ⁻¹`; +0 past the image. */
@inline
function product4(g: usize, centred: usize, inv: v128, p: i32, pixels: i32, row: usize): v128 {
  if (p >= pixels) return f32x4.splat(0);
  const hat = f32x4.add(f32x4.splat(0), f32x4.mul(v128.load(centred + <usize>p * row), inv));
  return f32x4.mul(v128.load(g + <usize>p * row), hat);
}

@inline
function product1(g: usize, centred: usize, inv: f32, p: i32, pixels: i32, row: usize): f32 {
  if (p >= pixels) return 0;
  return load<f32>(g + <usize>p * row) * (<f32>0 + load<f32>(centred + <usize>p * row) * inv);
}

/**
 * The backward pass's terms and their channel means: `dyIn = dy · step(out)` (written when `relu`
 * is 1; otherwise `dy`, and `out` and `dyIn` are not touched), `meanDy` = the means of `dyIn` and
 * `meanDyHat` = the means of `dyIn · x̂`, with `x̂ = 0 + centred·σ⁻¹`.
 */
export function batchNormGradMeans(dy: usize, out: usize, centred: usize, invStd: usize, dyIn: usize, meanDy: usize, meanDyHat: usize, images: i32, pixels: i32, c: i32, relu: i32): void {
  const row = <usize>c << 2;
  const c4 = c & ~3;
  const scale: f32 = <f32>1 / <f32>pixels;
  const withRelu = relu !== 0;
  const g = withRelu ? dyIn : dy;
  for (let b = 0; b < images; b++) {
    const offset = <usize>b * <usize>pixels * row;
    for (let k = 0; k < c4; k += 4) {
      const at = offset + (<usize>k << 2);
      const d = dy + at, o = out + at, gi = dyIn + at;
      let acc = firstGroup(gradient4(d, o, gi, withRelu, 0, pixels, row), gradient4(d, o, gi, withRelu, 1, pixels, row), gradient4(d, o, gi, withRelu, 2, pixels, row), gradient4(d, o, gi, withRelu, 3, pixels, row), gradient4(d, o, gi, withRelu, 4, pixels, row), gradient4(d, o, gi, withRelu, 5, pixels, row), gradient4(d, o, gi, withRelu, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup(gradient4(d, o, gi, withRelu, p, pixels, row), gradient4(d, o, gi, withRelu, p + 1, pixels, row), gradient4(d, o, gi, withRelu, p + 2, pixels, row), gradient4(d, o, gi, withRelu, p + 3, pixels, row), gradient4(d, o, gi, withRelu, p + 4, pixels, row), gradient4(d, o, gi, withRelu, p + 5, pixels, row), gradient4(d, o, gi, withRelu, p + 6, pixels, row), acc);
      }
      addPool(meanDy + (<usize>k << 2), b, acc, f32x4.splat(scale));
      const gs = g + at, cs = centred + at;
      const inv = v128.load(invStd + (<usize>k << 2));
      acc = firstGroup(product4(gs, cs, inv, 0, pixels, row), product4(gs, cs, inv, 1, pixels, row), product4(gs, cs, inv, 2, pixels, row), product4(gs, cs, inv, 3, pixels, row), product4(gs, cs, inv, 4, pixels, row), product4(gs, cs, inv, 5, pixels, row), product4(gs, cs, inv, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup(product4(gs, cs, inv, p, pixels, row), product4(gs, cs, inv, p + 1, pixels, row), product4(gs, cs, inv, p + 2, pixels, row), product4(gs, cs, inv, p + 3, pixels, row), product4(gs, cs, inv, p + 4, pixels, row), product4(gs, cs, inv, p + 5, pixels, row), product4(gs, cs, inv, p + 6, pixels, row), acc);
      }
      addPool(meanDyHat + (<usize>k << 2), b, acc, f32x4.splat(scale));
    }
    for (let k = c4; k < c; k++) {
      const at = offset + (<usize>k << 2);
      const d = dy + at, o = out + at, gi = dyIn + at;
      let acc = firstGroup1(gradient1(d, o, gi, withRelu, 0, pixels, row), gradient1(d, o, gi, withRelu, 1, pixels, row), gradient1(d, o, gi, withRelu, 2, pixels, row), gradient1(d, o, gi, withRelu, 3, pixels, row), gradient1(d, o, gi, withRelu, 4, pixels, row), gradient1(d, o, gi, withRelu, 5, pixels, row), gradient1(d, o, gi, withRelu, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup1(gradient1(d, o, gi, withRelu, p, pixels, row), gradient1(d, o, gi, withRelu, p + 1, pixels, row), gradient1(d, o, gi, withRelu, p + 2, pixels, row), gradient1(d, o, gi, withRelu, p + 3, pixels, row), gradient1(d, o, gi, withRelu, p + 4, pixels, row), gradient1(d, o, gi, withRelu, p + 5, pixels, row), gradient1(d, o, gi, withRelu, p + 6, pixels, row), acc);
      }
      addPool1(meanDy + (<usize>k << 2), b, acc, scale);
      const gs = g + at, cs = centred + at;
      const inv = load<f32>(invStd + (<usize>k << 2));
      acc = firstGroup1(product1(gs, cs, inv, 0, pixels, row), product1(gs, cs, inv, 1, pixels, row), product1(gs, cs, inv, 2, pixels, row), product1(gs, cs, inv, 3, pixels, row), product1(gs, cs, inv, 4, pixels, row), product1(gs, cs, inv, 5, pixels, row), product1(gs, cs, inv, 6, pixels, row));
      for (let p = 7; p < pixels; p += 7) {
        acc = nextGroup1(product1(gs, cs, inv, p, pixels, row), product1(gs, cs, inv, p + 1, pixels, row), product1(gs, cs, inv, p + 2, pixels, row), product1(gs, cs, inv, p + 3, pixels, row), product1(gs, cs, inv, p + 4, pixels, row), product1(gs, cs, inv, p + 5, pixels, row), product1(gs, cs, inv, p + 6, pixels, row), acc);
      }
      addPool1(meanDyHat + (<usize>k << 2), b, acc, scale);
    }
  }
  divideByImages(meanDy, images, c);
  divideByImages(meanDyHat, images, c);
}
