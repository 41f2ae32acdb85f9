/**
 * AssemblyScript source of the element-wise passes of train-mode batch norm (→ ReLU), forward and
 * backward (compiled with the convolutions into `kernels.wasm`, see `conv2dFilterGradient.ts`).
 *
 * Each function walks an NHWC activation of `pixels` = N·H·W pixels × `c` channels once, with the
 * per-channel vectors (`[c]`) beside it, and does in that pass what the composite batch norm of
 * `models/batchNormTrain.ts` does in two to four whole-activation kernels. Each value is computed by
 * the same float32 operations in the same order as those kernels (XNNPACK's 1×1 depthwise
 * convolution is `bias + x·w`, `0 + x·w` without a bias; tfjs' ReLU gradient is `dy · step(y)`),
 * never with fused multiply-adds, in both builds, so the results are bit-identical to theirs for
 * finite values. The channel means between the passes stay the composite's own kernels.
 * `x̂ = 0 + (x − μ)·σ⁻¹` is recomputed where needed rather than stored.
 */

/** `x̂ = 0 + centred·σ⁻¹` of the four channels at byte `at`. */
@inline
function normalised4(centred: usize, invStd: usize, at: usize): v128 {
  return f32x4.add(f32x4.splat(0), f32x4.mul(v128.load(centred + at), v128.load(invStd + at)));
}

/** `x̂ = 0 + centred·σ⁻¹` of the channel at byte `at`. */
@inline
function normalised(centred: usize, invStd: usize, at: usize): f32 {
  return <f32>0 + load<f32>(centred + at) * load<f32>(invStd + at);
}

/** `centred = x − μ` and `squared = centred²`. */
export function batchNormCentre(x: usize, mean: usize, centred: usize, squared: usize, pixels: i32, c: i32): void {
  const c4 = c & ~3;
  const rowBytes = <usize>c << 2;
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < c4; k += 4) {
      const at = <usize>k << 2;
      const d = f32x4.sub(v128.load(x + at), v128.load(mean + at));
      v128.store(centred + at, d);
      v128.store(squared + at, f32x4.mul(d, d));
    }
    for (let k = c4; k < c; k++) {
      const at = <usize>k << 2;
      const d: f32 = load<f32>(x + at) - load<f32>(mean + at);
      store<f32>(centred + at, d);
      store<f32>(squared + at, d * d);
    }
    x += rowBytes;
    centred += rowBytes;
    squared += rowBytes;
  }
}

/** `out = β + x̂·γ`, then ReLU when `relu` is 1, with `x̂ = 0 + centred·σ⁻¹` (`invStd`). */
export function batchNormNormalise(centred: usize, invStd: usize, scale: usize, offset: usize, out: usize, pixels: i32, c: i32, relu: i32): void {
  const c4 = c & ~3;
  const rowBytes = <usize>c << 2;
  const zero = f32x4.splat(0);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < c4; k += 4) {
      const at = <usize>k << 2;
      const hat = normalised4(centred, invStd, at);
      const y = f32x4.add(v128.load(offset + at), f32x4.mul(hat, v128.load(scale + at)));
      v128.store(out + at, relu ? f32x4.pmax(zero, y) : y);
    }
    for (let k = c4; k < c; k++) {
      const at = <usize>k << 2;
      const hat = normalised(centred, invStd, at);
      const y: f32 = load<f32>(offset + at) + hat * load<f32>(scale + at);
      store<f32>(out + at, relu && !(<f32>0 < y) ? 0 : y);
    }
    centred += rowBytes;
    out += rowBytes;
  }
}

/**
 * The two full-size terms of the backward pass: `product = dyIn · x̂` and `dyIn = dy · step(out)`
 * (ReLU's gradient, when `relu` is 1; `dyIn` is then written, otherwise it is `dy` and not touched).
 */
export function batchNormGradTerms(dy: usize, out: usize, centred: usize, invStd: usize, product: usize, dyIn: usize, pixels: i32, c: i32, relu: i32): void {
  const c4 = c & ~3;
  const rowBytes = <usize>c << 2;
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < c4; k += 4) {
      const at = <usize>k << 2;
      let g = v128.load(dy + at);
      if (relu) {
        g = f32x4.mul(g, v128.bitselect(one, zero, f32x4.lt(zero, v128.load(out + at))));
        v128.store(dyIn + at, g);
      }
      const hat = normalised4(centred, invStd, at);
      v128.store(product + at, f32x4.mul(g, hat));
    }
    for (let k = c4; k < c; k++) {
      const at = <usize>k << 2;
      let g = load<f32>(dy + at);
      if (relu) {
        g = g * (<f32>0 < load<f32>(out + at) ? <f32>1 : <f32>0);
        store<f32>(dyIn + at, g);
      }
      const hat = normalised(centred, invStd, at);
      store<f32>(product + at, g * hat);
    }
    dy += rowBytes;
    out += rowBytes;
    centred += rowBytes;
    dyIn += rowBytes;
    product += rowBytes;
  }
}

/**
 * The input gradient `dx = 0 + (dyIn − (mean(dyIn) + x̂·mean(dyIn·x̂)))·γσ⁻¹`, from the per-channel
 * `meanDy`, `meanDyHat` and `factor` = γσ⁻¹.
 */
export function batchNormInputGrad(
  dyIn: usize,
  centred: usize,
  invStd: usize,
  meanDy: usize,
  meanDyHat: usize,
  factor: usize,
  dx: usize,
  pixels: i32,
  c: i32,
): void {
  const c4 = c & ~3;
  const rowBytes = <usize>c << 2;
  const zero = f32x4.splat(0);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < c4; k += 4) {
      const at = <usize>k << 2;
      const hat = normalised4(centred, invStd, at);
      const fit = f32x4.add(v128.load(meanDy + at), f32x4.mul(hat, v128.load(meanDyHat + at)));
      const centredDy = f32x4.sub(v128.load(dyIn + at), fit);
      v128.store(dx + at, f32x4.add(zero, f32x4.mul(centredDy, v128.load(factor + at))));
    }
    for (let k = c4; k < c; k++) {
      const at = <usize>k << 2;
      const hat = normalised(centred, invStd, at);
      const fit: f32 = load<f32>(meanDy + at) + hat * load<f32>(meanDyHat + at);
      store<f32>(dx + at, <f32>0 + (load<f32>(dyIn + at) - fit) * load<f32>(factor + at));
    }
    dyIn += rowBytes;
    centred += rowBytes;
    dx += rowBytes;
  }
}
