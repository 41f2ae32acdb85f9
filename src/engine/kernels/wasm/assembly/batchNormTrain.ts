/**
 * AssemblyScript source of the element-wise passes of train-mode batch norm (→ ReLU) that compute no
 * channel mean, forward and backward (compiled with the convolutions into `kernels.wasm`, see
 * `conv2dFilterGradient.ts`; the passes with channel means are `channelMeans.ts`).
 *
 * Each function walks an NHWC activation of `pixels` = N·H·W pixels × `c` channels once, with the
 * per-channel vectors (`[c]`) beside it, and does in that pass what the composite batch norm of
 * `models/batchNormTrain.ts` does in several whole-activation kernels. Each value is computed by
 * the same float32 operations in the same order as those kernels (XNNPACK's 1×1 depthwise
 * convolution is `bias + x·w`, `0 + x·w` without a bias; tfjs' ReLU gradient is `dy · step(y)`),
 * never with fused multiply-adds, in both builds, so the results are bit-identical to theirs for
 * finite values. `x̂ = 0 + (x − μ)·σ⁻¹` is recomputed where needed rather than stored.
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
