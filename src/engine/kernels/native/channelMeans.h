// Batch norm's channel means as the composite ops compute them (`../../models/channelOps.ts`:
// XNNPACK's global average pool of each image, then tfjs' mean over the batch), computed inside the
// passes that produce their operands, so that those operands are never written to memory.
//
// XNNPACK's pool (f32 `gavgpool` 7x / 7p7x, the kernels tfjs-backend-wasm 4.22 runs; its order was
// confirmed against the stock kernel) sums an image's pixels, in row-major order, in groups of 7:
// the first group as ((p0 + p1) + p6) + ((p2 + p3) + (p4 + p5)), each later one into the running sum
// `a` as ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + a)), missing pixels of the last group being
// +0 (an image of at most 7 pixels takes the first form alone); then multiplies by the float
// 1 / pixels and clamps to [−∞, +∞] (NaN gives −∞). The batch mean adds the images' pools to 0 in
// order and divides by the image count. Every step here is that float32 operation, per channel.
#pragma once
#include <cstddef>

#include "simd.h"

namespace {

/**
 * One image's pool of the values `row(p)` (pixel `p`, called once each, in order) of type `A`,
 * summed by `add`, before the scale: the group tree above.
 */
template <class A, class Add, class Row>
inline A poolSum(std::size_t pixels, Row&& row, A zero, Add&& add) {
  auto at = [&](std::size_t p) { return p < pixels ? row(p) : zero; };
  A r0 = at(0), r1 = at(1), r2 = at(2), r3 = at(3), r4 = at(4), r5 = at(5), r6 = at(6);
  A acc = add(add(add(r0, r1), r6), add(add(r2, r3), add(r4, r5)));
  for (std::size_t p = 7; p < pixels; p += 7) {
    r0 = at(p), r1 = at(p + 1), r2 = at(p + 2), r3 = at(p + 3), r4 = at(p + 4), r5 = at(p + 5), r6 = at(p + 6);
    acc = add(add(add(r0, r1), add(r2, r3)), add(add(r4, r5), add(r6, acc)));
  }
  return acc;
}

/** Adds image `b`'s pool (`sum`, before the scale) to the batch's running sum at `total` (0 before the first image). */
template <class U>
inline void addPool(float* total, std::size_t b, typename U::V sum, float scale) {
  const auto pooled = U::clampInfinite(U::mul(sum, U::splat(&scale)));
  U::store(total, U::add(b == 0 ? U::zero() : U::load(total), pooled));
}

/** Divides the `c` running sums at `total` by the image count. */
template <class T>
inline void divideByImages(float* total, std::size_t images, int c) {
  const float n = float(images);
  forChannels<T>(0, c, [&]<class U>(int k) { U::store(total + k, U::div(U::load(total + k), U::splat(&n))); });
}

/** `mean` = the channel means of `x` (`images` × `pixels` × `c`). */
template <class T>
void batchNormMean(const float* x, float* mean, std::size_t images, std::size_t pixels, int c) {
  const float scale = 1.0f / float(pixels);
  for (std::size_t b = 0; b < images; b++, x += pixels * c) {
    forChannels<T>(0, c, [&]<class U>(int k) {
      const auto sum = poolSum(pixels, [&](std::size_t p) { return U::load(x + p * c + k); }, U::zero(), U::add);
      addPool<U>(mean + k, b, sum, scale);
    });
  }
  divideByImages<T>(mean, images, c);
}

/** `centred = x − μ`, and `variance` = the channel means of `centred²`. */
template <class T>
void batchNormCentreVariance(const float* x, const float* mean, float* centred, float* variance, std::size_t images, std::size_t pixels, int c) {
  const float scale = 1.0f / float(pixels);
  for (std::size_t b = 0; b < images; b++, x += pixels * c, centred += pixels * c) {
    forChannels<T>(0, c, [&]<class U>(int k) {
      const auto m = U::load(mean + k);
      auto squared = [&](std::size_t p) {
        const auto d = U::sub(U::load(x + p * c + k), m);
        U::store(centred + p * c + k, d);
        return U::mul(d, d);
      };
      addPool<U>(variance + k, b, poolSum(pixels, squared, U::zero(), U::add), scale);
    });
  }
  divideByImages<T>(variance, images, c);
}

/**
 * The backward pass's terms and their channel means: `dyIn = dy · step(out)` (written when `relu`;
 * otherwise `dy`, and `out` and `dyIn` are not touched), `meanDy` = the means of `dyIn` and
 * `meanDyHat` = the means of `dyIn · x̂`, with `x̂ = 0 + centred·σ⁻¹`.
 */
template <class T>
void batchNormGradMeans(const float* dy, const float* out, const float* centred, const float* invStd, float* dyIn, float* meanDy, float* meanDyHat, std::size_t images,
                        std::size_t pixels, int c, bool relu) {
  const float scale = 1.0f / float(pixels);
  const std::size_t image = pixels * c;
  for (std::size_t b = 0; b < images; b++) {
    const std::size_t at = b * image;
    forChannels<T>(0, c, [&]<class U>(int k) {
      using V = typename U::V;
      struct Pair {
        V g, product;
      };
      const auto inv = U::load(invStd + k);
      auto terms = [&](std::size_t p) {
        const std::size_t i = at + p * c + k;
        auto g = U::load(dy + i);
        if (relu) {
          g = U::mul(g, U::step(U::load(out + i)));
          U::store(dyIn + i, g);
        }
        const auto hat = U::add(U::zero(), U::mul(U::load(centred + i), inv));
        return Pair{g, U::mul(g, hat)};
      };
      const Pair sums = poolSum(pixels, terms, Pair{U::zero(), U::zero()}, [](Pair a, Pair b) { return Pair{U::add(a.g, b.g), U::add(a.product, b.product)}; });
      addPool<U>(meanDy + k, b, sums.g, scale);
      addPool<U>(meanDyHat + k, b, sums.product, scale);
    });
  }
  divideByImages<T>(meanDy, images, c);
  divideByImages<T>(meanDyHat, images, c);
}

}  // namespace
