// The convolution as native SIMD code for one instruction set (the vector types of `simd.h`),
// bit-identical to this project's wasm kernel of the same build (`../wasm/assembly/conv2d.ts`).
//
// Each output of that kernel is one sum taken in a fixed order: from 0 over the kernel rows inside
// `x`, then each row's taps × input channels in order. Vectors run across output channels, so a tile
// of any width takes its sums in that same order; the tiles here differ from the wasm ones only in
// how many outputs they keep in registers (wider vectors, more pixels), never in the order of a sum,
// and so give the same bits. Compiled with -ffp-contract=off: no product and sum is fused unless
// `F` (fused multiply-adds, the `kernels-fma.wasm` build's rounding) asks for it.
#pragma once
#include <algorithm>
#include <cstddef>

#include "kernelTable.h"
#include "simd.h"

namespace {


/**
 * One output pixel's sum, as runs: `rows` kernel rows inside `x`, each `len` products (taps inside
 * `x` × input channels) of a contiguous run of `x` and of filter rows `co` floats apart; `xRowStep`
 * and `wRowStep` floats on to the next kernel row. The tile's pixels lie `xPixel` floats apart in
 * `x` (the same pixel of consecutive images: their taps lie at the same offsets).
 */
struct Runs {
  const float* x;
  std::size_t xPixel;
  std::size_t xRowStep;
  const float* w;
  std::size_t wRowStep;
  std::size_t co;
  int rows;
  int len;
};

/** `P` pixels × `V` vectors of `T` from output channel `o`: the sums, then the epilogue, stored `outPixel` floats apart from `out + o`. */
template <class T, int P, int V, bool F>
inline void convTile(float* out, std::size_t outPixel, const Runs& r, const Epilogue& e, int o) {
  typename T::V acc[P][V];
  for (int p = 0; p < P; p++)
    for (int v = 0; v < V; v++) acc[p][v] = T::zero();
  const float* xRow = r.x;
  const float* wRow = r.w + o;
  for (int row = 0; row < r.rows; row++) {
    const float* xp = xRow;
    const float* wp = wRow;
    for (int i = 0; i < r.len; i++) {
      typename T::V wv[V];
      for (int v = 0; v < V; v++) wv[v] = T::load(wp + v * T::W);
      for (int p = 0; p < P; p++) {
        const typename T::V s = T::splat(xp + p * r.xPixel);
        for (int v = 0; v < V; v++) acc[p][v] = T::template madd<F>(acc[p][v], s, wv[v]);
      }
      xp += 1;
      wp += r.co;
    }
    xRow += r.xRowStep;
    wRow += r.wRowStep;
  }
  for (int v = 0; v < V; v++) {
    const int c = o + v * T::W;
    for (int p = 0; p < P; p++) {
      typename T::V value = acc[p][v];
      if (e.scale != nullptr) {
        value = T::add(value, T::load(e.negMean + c));
        value = T::add(T::mul(value, T::load(e.scale + c)), T::load(e.offset + c));
        if (e.relu) value = T::relu(value);
      }
      T::store(out + p * outPixel + c, value);
    }
  }
}

/** Output channels `from`…`co` of `P` pixels: tiles of up to `kMaxVectors` vectors of `T`, then the narrower types. */
template <class T, int P, bool F>
inline void convChannels(float* out, std::size_t outPixel, const Runs& r, const Epilogue& e, int from, int co) {
  constexpr int VM = std::max(1, std::min(kMaxVectors, kAccumulators / P));
  int o = from;
  for (; o + VM * T::W <= co; o += VM * T::W) convTile<T, P, VM, F>(out, outPixel, r, e, o);
  const int rest = (co - o) / T::W;
  if constexpr (VM > 3) if (rest == 3) convTile<T, P, 3, F>(out, outPixel, r, e, o);
  if constexpr (VM > 2) if (rest == 2) convTile<T, P, 2, F>(out, outPixel, r, e, o);
  if constexpr (VM > 1) if (rest == 1) convTile<T, P, 1, F>(out, outPixel, r, e, o);
  o += rest * T::W;
  if constexpr (T::W > 1) convChannels<typename T::Narrower, P, F>(out, outPixel, r, e, o, co);
}

/** `Q` horizontal neighbours (`xNeighbour` floats apart, all taps inside `x`) of each of `PI` images, one tile per image. */
template <class T, int Q, int PI, bool F>
inline void neighbourTiles(float* out, std::size_t outImage, const float* x, std::size_t xImage, std::size_t xNeighbour, std::size_t xRowStep, const float* w,
                           std::size_t wRowStep, std::size_t co, int rows, int len, const Epilogue& e) {
  for (int i = 0; i < PI; i++) {
    const Runs r{x + i * xImage, xNeighbour, xRowStep, w, wRowStep, co, rows, len};
    convChannels<T, Q, F>(out + i * outImage, co, r, e, 0, int(co));
  }
}

/**
 * Every output pixel of the `PI` images from `b` on (`PI` = `P`, or 1 for the last images): a run of
 * `P` horizontal neighbours whose taps all lie inside `x` is one tile in each image (their inputs
 * lie close together, as a large map needs), every other pixel one tile across the images (the same
 * pixel of each: their taps lie at the same offsets, so border pixels tile too).
 */
template <class T, int P, int PI, bool F>
void convImages(const float* x, const float* w, float* out, const ConvGeometry& g, const Epilogue& e, int b) {
  const std::size_t ci = g.ci, co = g.co;
  const std::size_t xImage = std::size_t(g.h) * g.w * ci;
  const std::size_t outImage = std::size_t(g.oh) * g.ow * co;
  const std::size_t xRowStep = std::size_t(g.w) * ci;
  const std::size_t wRowStep = std::size_t(g.kw) * ci * co;
  const std::size_t xNeighbour = std::size_t(g.sw) * ci;
  // the pixels whose taps all lie inside x horizontally: first…last
  int first = 0;
  while (first < g.ow && first * g.sw - g.pl < 0) first++;
  int last = g.ow - 1;
  while (last >= first && last * g.sw - g.pl + g.kw - 1 >= g.w) last--;
  const bool neighbours = last - first + 1 >= P;
  for (int y = 0; y < g.oh; y++) {
    int kyStart = 0;
    while (kyStart < g.kh && y * g.sh + kyStart - g.pt < 0) kyStart++;
    int kyEnd = g.kh;
    while (kyEnd > kyStart && y * g.sh + kyEnd - 1 - g.pt >= g.h) kyEnd--;
    const float* xRow = x + (std::size_t(b) * g.h + (y * g.sh + kyStart - g.pt)) * xRowStep;
    float* outRow = out + (std::size_t(b) * g.oh + y) * g.ow * co;
    const float* wRows = w + std::size_t(kyStart) * wRowStep;
    int p = 0;
    // Q horizontal neighbours from pixel p, one tile in each image
    auto neighbourRun = [&]<int Q>() {
      neighbourTiles<T, Q, PI, F>(outRow + std::size_t(p) * co, outImage, xRow + std::ptrdiff_t(p * g.sw - g.pl) * std::ptrdiff_t(ci), xImage, xNeighbour, xRowStep, wRows,
                                  wRowStep, co, kyEnd - kyStart, g.kw * g.ci, e);
      p += Q;
    };
    while (p < g.ow) {
      const int run = neighbours && p >= first ? last - p + 1 : 0;  // neighbours from p on whose taps all lie inside x
      if (run >= P) {
        neighbourRun.template operator()<P>();
        continue;
      }
      if constexpr (P == 12) {
        // one-vector tiles: the rest of the run in tiles of 6 and 3 (measured faster than tiles across 12 images, whose inputs lie far apart)
        if (run >= 6) {
          neighbourRun.template operator()<6>();
          continue;
        }
        if (run >= 3) {
          neighbourRun.template operator()<3>();
          continue;
        }
      }
      const int ix = p * g.sw - g.pl;
      int kxStart = 0;
      while (kxStart < g.kw && ix + kxStart < 0) kxStart++;
      int kxEnd = g.kw;
      while (kxEnd > kxStart && ix + kxEnd - 1 >= g.w) kxEnd--;
      const Runs r{xRow + std::ptrdiff_t(ix + kxStart) * std::ptrdiff_t(ci),
                   xImage,
                   xRowStep,
                   wRows + std::size_t(kxStart) * ci * co,
                   wRowStep,
                   co,
                   kyEnd - kyStart,
                   (kxEnd - kxStart) * g.ci};
      convChannels<T, PI, F>(outRow + std::size_t(p) * co, outImage, r, e, 0, g.co);
      p += 1;
    }
  }
}

/** The images `P` at a time, the last ones one by one. */
template <class T, int P, bool F>
void convBatch(const float* x, const float* w, float* out, const ConvGeometry& g, const Epilogue& e) {
  int b = 0;
  for (; b + P <= g.n; b += P) convImages<T, P, P, F>(x, w, out, g, e, b);
  for (; b < g.n; b++) convImages<T, P, 1, F>(x, w, out, g, e, b);
}

/** `out = conv(x, w)` (NHWC × HWIO → NHWC), then the epilogue: pixels per tile chosen by how many vectors the output channels fill. */
template <class T, bool F>
void conv2d(const float* x, const float* w, float* out, const ConvGeometry& g, const Epilogue& e) {
  const int vectors = std::max(1, std::min(kMaxVectors, g.co / T::W));
  if (vectors >= 4) convBatch<T, tileDepth(4), F>(x, w, out, g, e);
  else if (vectors == 3) convBatch<T, tileDepth(3), F>(x, w, out, g, e);
  else if (vectors == 2) convBatch<T, tileDepth(2), F>(x, w, out, g, e);
  else convBatch<T, tileDepth(1), F>(x, w, out, g, e);
}

}  // namespace
