// The element-wise passes of train-mode batch norm (→ ReLU) that compute no channel mean, as native
// SIMD code for one instruction set, bit-identical to this project's wasm passes
// (`../wasm/assembly/batchNormTrain.ts`): each value is the same float32 operations in the same order
// (never fused), and the vectors only decide how many channels of a pixel are computed at once. Each
// walks `pixels` rows of `c` channels, with the per-channel vectors (`[c]`) beside them;
// `x̂ = 0 + centred·σ⁻¹` is recomputed where needed. The passes with channel means: `channelMeans.h`.
#pragma once
#include <cstddef>

#include "simd.h"

namespace {

/** `x̂ = 0 + centred·σ⁻¹` of the channels at `k`. */
template <class U>
inline typename U::V normalised(const float* centred, const float* invStd, int k) {
  return U::add(U::zero(), U::mul(U::load(centred + k), U::load(invStd + k)));
}

/** `out = β + x̂·γ`, then ReLU when `relu`. */
template <class T>
void batchNormNormalise(const float* centred, const float* invStd, const float* scale, const float* offset, float* out, std::size_t pixels, int c, bool relu) {
  for (std::size_t p = 0; p < pixels; p++, centred += c, out += c) {
    forChannels<T>(0, c, [&]<class U>(int k) {
      const auto y = U::add(U::load(offset + k), U::mul(normalised<U>(centred, invStd, k), U::load(scale + k)));
      U::store(out + k, relu ? U::relu(y) : y);
    });
  }
}

/** `dx = 0 + (dyIn − (mean(dyIn) + x̂·mean(dyIn·x̂)))·γσ⁻¹`, from the per-channel `meanDy`, `meanDyHat` and `factor` = γσ⁻¹. */
template <class T>
void batchNormInputGrad(const float* dyIn, const float* centred, const float* invStd, const float* meanDy, const float* meanDyHat, const float* factor, float* dx,
                        std::size_t pixels, int c) {
  for (std::size_t p = 0; p < pixels; p++, dyIn += c, centred += c, dx += c) {
    forChannels<T>(0, c, [&]<class U>(int k) {
      const auto fit = U::add(U::load(meanDy + k), U::mul(normalised<U>(centred, invStd, k), U::load(meanDyHat + k)));
      U::store(dx + k, U::add(U::zero(), U::mul(U::sub(U::load(dyIn + k), fit), U::load(factor + k))));
    });
  }
}

}  // namespace
