// The filter gradient of a convolution as native SIMD code for one instruction set (the vector types
// of `simd.h`), bit-identical to this project's wasm kernel of the same build
// (`../wasm/assembly/conv2dFilterGradient.ts`): each weight's sum runs over images, then output rows,
// then pixels, in order, in either; the tiles here keep more of them in registers (wider vectors,
// more input channels), never changing the order of a sum. Compiled with -ffp-contract=off.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>

#include "kernelTable.h"
#include "simd.h"

namespace {

/**
 * The pixels one tap reads in a block of output rows: `rows` row segments of `count` pixels, of `x`
 * from `x` (`xStep` floats apart, `xRowStep` to the next segment) and of `dy` from `dy` (`dyStep`,
 * `dyRowStep`).
 */
struct Segments {
  const float* x;
  std::size_t xStep;
  std::size_t xRowStep;
  const float* dy;
  std::size_t dyStep;
  std::size_t dyRowStep;
  int rows;
  int count;
};

/** `C` input channels from `c` × `V` vectors of `T` from output channel `o`, added to the tap's accumulators `tap` (rows `co` floats apart). */
template <class T, int C, int V, bool F>
inline void gradTile(float* tap, std::size_t co, const Segments& s, int c, int o) {
  typename T::V a[C][V];
  for (int k = 0; k < C; k++)
    for (int v = 0; v < V; v++) a[k][v] = T::load(tap + (c + k) * co + o + v * T::W);
  const float* xRow = s.x + c;
  const float* dRow = s.dy + o;
  for (int r = 0; r < s.rows; r++) {
    const float* xq = xRow;
    const float* dq = dRow;
    for (int i = 0; i < s.count; i++) {
      typename T::V d[V];
      for (int v = 0; v < V; v++) d[v] = T::load(dq + v * T::W);
      for (int k = 0; k < C; k++) {
        const typename T::V sv = T::splat(xq + k);
        for (int v = 0; v < V; v++) a[k][v] = T::template madd<F>(a[k][v], sv, d[v]);
      }
      xq += s.xStep;
      dq += s.dyStep;
    }
    xRow += s.xRowStep;
    dRow += s.dyRowStep;
  }
  for (int k = 0; k < C; k++)
    for (int v = 0; v < V; v++) T::store(tap + (c + k) * co + o + v * T::W, a[k][v]);
}

/** Input channels `c`…`c + C` × output channels `from`…`co`: tiles of `VM` vectors of `T`, then the narrower types. */
template <class T, int C, int VM, bool F>
inline void gradChannels(float* tap, std::size_t co, const Segments& s, int c, int from) {
  int o = from;
  for (; o + VM * T::W <= int(co); o += VM * T::W) gradTile<T, C, VM, F>(tap, co, s, c, o);
  const int rest = (int(co) - o) / T::W;
  if constexpr (VM > 3) if (rest == 3) gradTile<T, C, 3, F>(tap, co, s, c, o);
  if constexpr (VM > 2) if (rest == 2) gradTile<T, C, 2, F>(tap, co, s, c, o);
  if constexpr (VM > 1) if (rest == 1) gradTile<T, C, 1, F>(tap, co, s, c, o);
  o += rest * T::W;
  if constexpr (T::W > 1) gradChannels<typename T::Narrower, C, 1, F>(tap, co, s, c, o);
}

/** Input channels `C` at a time, then the rest (fewer than `C`) as one tile. */
template <class T, int C, int VM, bool F>
inline void gradTap(float* tap, std::size_t co, const Segments& s, int ci) {
  int c = 0;
  for (; c + C <= ci; c += C) gradChannels<T, C, VM, F>(tap, co, s, c, 0);
  const int rest = ci - c;
  if constexpr (C > 1) {
    if (rest > 0) {
      // one tile of the remaining channels (templates for 1…C−1)
      [&]<int... K>(std::integer_sequence<int, K...>) {
        ((rest == K + 1 ? gradChannels<T, K + 1, VM, F>(tap, co, s, c, 0) : void()), ...);
      }(std::make_integer_sequence<int, C - 1>{});
    }
  }
}

/**
 * `dW = Σ x · dy` over blocks of output rows of each image (as many rows as keep their `dy` rows and
 * the input rows their taps read within `kBlockBytes`), each tap, then tiles of input × output
 * channels whose accumulators stay in registers over the block's pixels; sums in the order images,
 * rows, pixels, whatever the blocks.
 */
template <class T, int VM, bool F>
void conv2dFilterGradientBy(const float* x, const float* dy, float* dW, const ConvGeometry& g) {
  constexpr std::size_t kBlockBytes = 65536;
  constexpr int C = tileDepth(VM);
  const std::size_t ci = g.ci, co = g.co;
  std::memset(dW, 0, std::size_t(g.kh) * g.kw * ci * co * sizeof(float));
  const std::size_t xStep = std::size_t(g.sw) * ci;
  const std::size_t xRowStep = std::size_t(g.sh) * g.w * ci;
  const std::size_t dyRowStep = std::size_t(g.ow) * co;
  const std::size_t rowBytes = (dyRowStep + xRowStep + std::size_t(g.kh) * g.w * ci) * sizeof(float);
  const int blockRows = int(std::max<std::size_t>(1, kBlockBytes / rowBytes));
  for (int b = 0; b < g.n; b++) {
    for (int y0 = 0; y0 < g.oh; y0 += blockRows) {
      const int y1 = std::min(g.oh, y0 + blockRows);
      for (int ky = 0; ky < g.kh; ky++) {
        int yA = y0;
        while (yA < y1 && yA * g.sh + ky - g.pt < 0) yA++;
        int yB = y1;
        while (yB > yA && (yB - 1) * g.sh + ky - g.pt >= g.h) yB--;
        if (yB <= yA) continue;
        const float* xRow = x + (std::size_t(b) * g.h + (yA * g.sh + ky - g.pt)) * std::size_t(g.w) * ci;
        const float* dyRow = dy + (std::size_t(b) * g.oh + yA) * dyRowStep;
        for (int kx = 0; kx < g.kw; kx++) {
          const int offset = kx - g.pl;
          int first = 0;
          while (first < g.ow && first * g.sw + offset < 0) first++;
          int end = g.ow;
          while (end > first && (end - 1) * g.sw + offset >= g.w) end--;
          if (end <= first) continue;
          const Segments s{xRow + std::ptrdiff_t(first * g.sw + offset) * std::ptrdiff_t(ci),
                           xStep,
                           xRowStep,
                           dyRow + std::size_t(first) * co,
                           co,
                           dyRowStep,
                           yB - yA,
                           end - first};
          gradTap<T, C, VM, F>(dW + (std::size_t(ky) * g.kw + kx) * ci * co, co, s, g.ci);
        }
      }
    }
  }
}

/** The filter gradient, HWIO: tiles of as many vectors as the output channels fill (at most `kMaxVectors`). */
template <class T, bool F>
void conv2dFilterGradient(const float* x, const float* dy, float* dW, const ConvGeometry& g) {
  const int vectors = std::max(1, std::min(kMaxVectors, g.co / T::W));
  if constexpr (kMaxVectors >= 4) if (vectors >= 4) return conv2dFilterGradientBy<T, 4, F>(x, dy, dW, g);
  if constexpr (kMaxVectors >= 3) if (vectors == 3) return conv2dFilterGradientBy<T, 3, F>(x, dy, dW, g);
  if (vectors == 2) return conv2dFilterGradientBy<T, 2, F>(x, dy, dW, g);
  conv2dFilterGradientBy<T, 1, F>(x, dy, dW, g);
}

}  // namespace
