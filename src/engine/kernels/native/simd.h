// Vector types of one translation unit's instruction set, as the kernels of `convolution.h` use them:
// a width W, unaligned loads and stores, a broadcast load, and the multiply-add `acc + a·b`, as a
// product and a sum each rounded to float32 (`Fused` = false, the wasm `kernels.wasm` build) or one
// fused multiply-add (`Fused` = true, as relaxed SIMD's `f32x4.relaxed_madd` in `kernels-fma.wasm`).
// `Narrower` is the type that takes the channels past the last multiple of W. Everything here has
// internal linkage: each `isa_*.cc` compiles its own copy with its own instruction set, and says
// how many vector registers it has (`VECTOR_REGISTERS`), which sets the tiles' sizes.
#pragma once
#include <cstddef>
#include <algorithm>
#include <immintrin.h>

namespace {

/** One float: the channels past the last multiple of 4, never fused (wasm has no scalar fused multiply-add). */
struct Scalar {
  using V = float;
  static constexpr int W = 1;
  static V zero() { return 0.0f; }
  static V load(const float* p) { return *p; }
  static void store(float* p, V v) { *p = v; }
  static V splat(const float* p) { return *p; }
  static V add(V a, V b) { return a + b; }
  static V sub(V a, V b) { return a - b; }
  static V mul(V a, V b) { return a * b; }
  /** `0 < v ? 1 : 0` (ReLU's gradient; NaN gives 0). */
  static V step(V v) { return 0.0f < v ? 1.0f : 0.0f; }
  /** `max(v, 0)` as XNNPACK's clamp and wasm's `pmax(0, v)`: −0 and NaN give +0. */
  static V relu(V v) { return 0.0f < v ? v : 0.0f; }
  static V div(V a, V b) { return a / b; }
  /** `v` clamped to [−∞, +∞] as XNNPACK's pooling does (`pmax(−∞, v)`, then `pmin(+∞, v)`): NaN gives −∞. */
  static V clampInfinite(V v) {
    v = -__builtin_inff() < v ? v : -__builtin_inff();
    return v < __builtin_inff() ? v : __builtin_inff();
  }
  template <bool Fused>
  static V madd(V acc, V a, V b) { return acc + a * b; }
};

struct Sse {
  using V = __m128;
  using Narrower = Scalar;
  static constexpr int W = 4;
  static V zero() { return _mm_setzero_ps(); }
  static V load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, V v) { _mm_storeu_ps(p, v); }
  static V splat(const float* p) { return _mm_set1_ps(*p); }
  static V add(V a, V b) { return _mm_add_ps(a, b); }
  static V sub(V a, V b) { return _mm_sub_ps(a, b); }
  static V mul(V a, V b) { return _mm_mul_ps(a, b); }
  static V step(V v) { return _mm_and_ps(_mm_cmplt_ps(_mm_setzero_ps(), v), _mm_set1_ps(1.0f)); }
  static V relu(V v) { return _mm_max_ps(v, _mm_setzero_ps()); }  // v > 0 ? v : 0
  static V div(V a, V b) { return _mm_div_ps(a, b); }
  static V clampInfinite(V v) { return _mm_min_ps(_mm_max_ps(v, _mm_set1_ps(-__builtin_inff())), _mm_set1_ps(__builtin_inff())); }
  template <bool Fused>
  static V madd(V acc, V a, V b) {
    if constexpr (Fused) {
#ifdef __FMA__
      return _mm_fmadd_ps(a, b, acc);
#else
      static_assert(!Fused, "fused multiply-adds need an instruction set with FMA");
#endif
    }
    return _mm_add_ps(acc, _mm_mul_ps(a, b));
  }
};

#ifdef __AVX__
struct Avx {
  using V = __m256;
  using Narrower = Sse;
  static constexpr int W = 8;
  static V zero() { return _mm256_setzero_ps(); }
  static V load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, V v) { _mm256_storeu_ps(p, v); }
  static V splat(const float* p) { return _mm256_broadcast_ss(p); }
  static V add(V a, V b) { return _mm256_add_ps(a, b); }
  static V sub(V a, V b) { return _mm256_sub_ps(a, b); }
  static V mul(V a, V b) { return _mm256_mul_ps(a, b); }
  static V step(V v) { return _mm256_and_ps(_mm256_cmp_ps(_mm256_setzero_ps(), v, _CMP_LT_OQ), _mm256_set1_ps(1.0f)); }
  static V relu(V v) { return _mm256_max_ps(v, _mm256_setzero_ps()); }
  static V div(V a, V b) { return _mm256_div_ps(a, b); }
  static V clampInfinite(V v) { return _mm256_min_ps(_mm256_max_ps(v, _mm256_set1_ps(-__builtin_inff())), _mm256_set1_ps(__builtin_inff())); }
  template <bool Fused>
  static V madd(V acc, V a, V b) {
    if constexpr (Fused) {
#ifdef __FMA__
      return _mm256_fmadd_ps(a, b, acc);
#else
      static_assert(!Fused, "fused multiply-adds need an instruction set with FMA");
#endif
    }
    return _mm256_add_ps(acc, _mm256_mul_ps(a, b));
  }
};
#endif

#ifdef __AVX512F__
struct Avx512 {
  using V = __m512;
  using Narrower = Avx;
  static constexpr int W = 16;
  static V zero() { return _mm512_setzero_ps(); }
  static V load(const float* p) { return _mm512_loadu_ps(p); }
  static void store(float* p, V v) { _mm512_storeu_ps(p, v); }
  static V splat(const float* p) { return _mm512_set1_ps(*p); }
  static V add(V a, V b) { return _mm512_add_ps(a, b); }
  static V sub(V a, V b) { return _mm512_sub_ps(a, b); }
  static V mul(V a, V b) { return _mm512_mul_ps(a, b); }
  static V step(V v) { return _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(_mm512_setzero_ps(), v, _CMP_LT_OQ), _mm512_set1_ps(1.0f)); }
  static V relu(V v) { return _mm512_max_ps(v, _mm512_setzero_ps()); }
  static V div(V a, V b) { return _mm512_div_ps(a, b); }
  static V clampInfinite(V v) { return _mm512_min_ps(_mm512_max_ps(v, _mm512_set1_ps(-__builtin_inff())), _mm512_set1_ps(__builtin_inff())); }
  template <bool Fused>
  static V madd(V acc, V a, V b) {
    if constexpr (Fused) return _mm512_fmadd_ps(a, b, acc);
    return _mm512_add_ps(acc, _mm512_mul_ps(a, b));
  }
};
#endif

/** Calls `op.template operator()<U>(k)` for channels `from`…`c`: as many as vectors of `T` take, then the narrower types. */
template <class T, class Op>
inline void forChannels(int from, int c, Op&& op) {
  int k = from;
  for (; k + T::W <= c; k += T::W) op.template operator()<T>(k);
  if constexpr (T::W > 1) forChannels<typename T::Narrower>(k, c, op);
}

/** Accumulators a tile may keep in registers: 24 of 32 vector registers, 12 of 16 (the rest hold the operands). */
constexpr int kAccumulators = VECTOR_REGISTERS == 32 ? 24 : 12;
/** Vectors of output channels per tile at most. */
constexpr int kMaxVectors = VECTOR_REGISTERS == 32 ? 4 : 2;

/** Tiles of `vectors` vectors: how many pixels (convolution) or input channels (filter gradient) share them. */
constexpr int tileDepth(int vectors) { return std::min(kAccumulators / vectors, vectors == 1 ? 12 : 8); }

}  // namespace
