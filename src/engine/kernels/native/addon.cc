// Node binding of the native kernels: `isas()` lists the instruction sets this processor runs, best
// first; `kernels(isa, fused)` returns that set's `conv2d`, `conv2dFilterGradient` and the five
// `batchNorm*` passes, each taking the wasm backend's heap (`memory.buffer`), then exactly the
// arguments of the wasm kernel of the same name (`../heapKernels.ts`: byte offsets on the heap,
// then sizes and flags), and checking that every operand lies inside the heap before touching it.
#include <node_api.h>

#include <cstdint>
#include <string>

#include "kernelTable.h"
#include "napiCall.h"

namespace {

struct Isa {
  const KernelTable* table;
  bool (*supported)();
};

const Isa kIsas[] = {
    {&avx512Kernels, []() -> bool { return (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("fma")) != 0; }},
    {&avx2Kernels, []() -> bool { return (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) != 0; }},
    {&sse2Kernels, []() -> bool { return (__builtin_cpu_supports("sse2")) != 0; }},
};

/** The kernels that `kernels(isa, fused)` bound to its functions. */
struct Bound {
  Conv2dKernel conv2d;
  Conv2dFilterGradientKernel conv2dFilterGradient;
  BatchNormPasses batchNorm;
};

/** `conv2d` (epilogue offsets 0 for none) or `conv2dFilterGradient`: (heap, a, b, out, n, h, w, ci, oh, ow, co, kh, kw, sh, sw, pt, pl[, negMean, scale, offset, relu]). */
template <bool Forward>
napi_value convolve(napi_env env, napi_callback_info info) {
  Call<Bound, Forward ? 20 : 16> c(env, info, Forward ? "conv2d" : "conv2dFilterGradient");
  if (!c.ok) return nullptr;
  for (std::size_t i = 3; i <= 13; i++) {
    if (!c.size(env, i)) return nullptr;
  }
  const int64_t* v = c.v;
  const ConvGeometry g{int(v[3]), int(v[4]), int(v[5]), int(v[6]), int(v[7]), int(v[8]), int(v[9]), int(v[10]), int(v[11]), int(v[12]), int(v[13]), int(v[14]), int(v[15])};
  const int64_t xFloats = int64_t(g.n) * g.h * g.w * g.ci;
  const int64_t wFloats = int64_t(g.kh) * g.kw * g.ci * g.co;
  const int64_t yFloats = int64_t(g.n) * g.oh * g.ow * g.co;
  float* x = c.operand(env, 0, xFloats, "x");
  float* b = x == nullptr ? nullptr : c.operand(env, 1, Forward ? wFloats : yFloats, Forward ? "filter" : "dy");
  float* out = b == nullptr ? nullptr : c.operand(env, 2, Forward ? yFloats : wFloats, Forward ? "out" : "dW");
  if (out == nullptr) return nullptr;
  if constexpr (Forward) {
    Epilogue e{nullptr, nullptr, nullptr, false};
    if (v[17] != 0) {
      const char* names[3] = {"negMean", "scale", "offset"};
      float* p[3];
      for (std::size_t i = 0; i < 3; i++) {
        if ((p[i] = c.operand(env, 16 + i, g.co, names[i])) == nullptr) return nullptr;
      }
      e = Epilogue{p[0], p[1], p[2], v[19] != 0};
    }
    c.bound->conv2d(x, b, out, g, e);
  } else {
    c.bound->conv2dFilterGradient(x, b, out, g);
  }
  return nullptr;
}

/** What an operand of a batch-norm pass is: a whole activation, a `[c]` vector, or an activation only with ReLU (offset 0 otherwise). */
enum class Extent { kActivation, kChannels, kActivationWithRelu };

/**
 * A batch-norm pass: `N` heap offsets of operands of `extents`, then the activation's size (pixels,
 * or with `Images` images and their pixels) and channels, and `relu` where `Relu`; `run` calls the
 * bound pass with the operands.
 */
template <std::size_t N, bool Images, bool Relu, class Run>
napi_value batchNormPass(napi_env env, napi_callback_info info, const char* name, const char* const (&names)[N], const Extent (&extents)[N], Run run) {
  constexpr std::size_t kSizes = Images ? 3 : 2;
  Call<Bound, N + kSizes + (Relu ? 1 : 0)> c(env, info, name);
  if (!c.ok) return nullptr;
  for (std::size_t i = N; i < N + kSizes; i++) {
    if (!c.size(env, i)) return nullptr;
  }
  const int64_t images = Images ? c.v[N] : 1, pixels = c.v[N + kSizes - 2], channels = c.v[N + kSizes - 1];
  const bool relu = Relu && c.v[N + kSizes] != 0;
  float* p[N];
  for (std::size_t i = 0; i < N; i++) {
    if (extents[i] == Extent::kActivationWithRelu && !relu) {
      p[i] = nullptr;
      continue;
    }
    if ((p[i] = c.operand(env, i, extents[i] == Extent::kChannels ? channels : images * pixels * channels, names[i])) == nullptr) return nullptr;
  }
  run(c.bound->batchNorm, p, std::size_t(images), std::size_t(pixels), int(channels), relu);
  return nullptr;
}

constexpr Extent A = Extent::kActivation, C = Extent::kChannels, R = Extent::kActivationWithRelu;

napi_value mean(napi_env env, napi_callback_info info) {
  return batchNormPass<2, true, false>(env, info, "batchNormMean", {"x", "mean"}, {A, C},
                                       [](const BatchNormPasses& b, float** p, std::size_t n, std::size_t px, int k, bool) { b.mean(p[0], p[1], n, px, k); });
}

napi_value centreVariance(napi_env env, napi_callback_info info) {
  return batchNormPass<4, true, false>(
      env, info, "batchNormCentreVariance", {"x", "mean", "centred", "variance"}, {A, C, A, C},
      [](const BatchNormPasses& b, float** p, std::size_t n, std::size_t px, int k, bool) { b.centreVariance(p[0], p[1], p[2], p[3], n, px, k); });
}

napi_value normalise(napi_env env, napi_callback_info info) {
  return batchNormPass<5, false, true>(
      env, info, "batchNormNormalise", {"centred", "invStd", "scale", "offset", "out"}, {A, C, C, C, A},
      [](const BatchNormPasses& b, float** p, std::size_t, std::size_t px, int k, bool relu) { b.normalise(p[0], p[1], p[2], p[3], p[4], px, k, relu); });
}

napi_value gradMeans(napi_env env, napi_callback_info info) {
  return batchNormPass<7, true, true>(
      env, info, "batchNormGradMeans", {"dy", "out", "centred", "invStd", "dyIn", "meanDy", "meanDyHat"}, {A, R, A, C, R, C, C},
      [](const BatchNormPasses& b, float** p, std::size_t n, std::size_t px, int k, bool relu) { b.gradMeans(p[0], p[1], p[2], p[3], p[4], p[5], p[6], n, px, k, relu); });
}

napi_value inputGrad(napi_env env, napi_callback_info info) {
  return batchNormPass<7, false, false>(
      env, info, "batchNormInputGrad", {"dyIn", "centred", "invStd", "meanDy", "meanDyHat", "factor", "dx"}, {A, A, C, C, C, C, A},
      [](const BatchNormPasses& b, float** p, std::size_t, std::size_t px, int k, bool) { b.inputGrad(p[0], p[1], p[2], p[3], p[4], p[5], p[6], px, k); });
}

napi_value isas(napi_env env, napi_callback_info) {
  napi_value list;
  napi_create_array(env, &list);
  uint32_t i = 0;
  for (const Isa& isa : kIsas) {
    if (!isa.supported()) continue;
    napi_value name;
    napi_create_string_utf8(env, isa.table->isa, NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, list, i++, name);
  }
  return list;
}

napi_value kernels(napi_env env, napi_callback_info info) {
  std::size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  char name[16] = {0};
  std::size_t length = 0;
  bool fused = false;
  if (argc != 2 || napi_get_value_string_utf8(env, argv[0], name, sizeof name, &length) != napi_ok || napi_get_value_bool(env, argv[1], &fused) != napi_ok) {
    return fail(env, "kernels(isa, fused): expected an instruction set name and a boolean");
  }
  for (const Isa& isa : kIsas) {
    if (std::string(isa.table->isa) != name) continue;
    if (!isa.supported()) return fail(env, std::string("kernels: this processor does not run instruction set '") + name + "'; allowed: the names isas() lists");
    const int k = fused ? 1 : 0;
    if (isa.table->conv2d[k] == nullptr) return fail(env, std::string("kernels: instruction set '") + name + "' has no fused multiply-adds; use avx2 or avx512");
    auto* bound = new Bound{isa.table->conv2d[k], isa.table->conv2dFilterGradient[k], isa.table->batchNorm};
    napi_value result;
    napi_create_object(env, &result);
    const std::pair<const char*, napi_callback> functions[] = {
        {"conv2d", convolve<true>},           {"conv2dFilterGradient", convolve<false>}, {"batchNormMean", mean},
        {"batchNormCentreVariance", centreVariance}, {"batchNormNormalise", normalise},      {"batchNormGradMeans", gradMeans},
        {"batchNormInputGrad", inputGrad},
    };
    for (const auto& [fname, callback] : functions) {
      napi_value f;
      napi_create_function(env, fname, NAPI_AUTO_LENGTH, callback, bound, &f);
      napi_set_named_property(env, result, fname, f);
    }
    napi_add_finalizer(env, result, bound, [](napi_env, void* p, void*) { delete static_cast<Bound*>(p); }, nullptr, nullptr);
    return result;
  }
  return fail(env, std::string("kernels: unknown instruction set '") + name + "'; allowed: avx512, avx2, sse2");
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_value f;
  napi_create_function(env, "isas", NAPI_AUTO_LENGTH, isas, nullptr, &f);
  napi_set_named_property(env, exports, "isas", f);
  napi_create_function(env, "kernels", NAPI_AUTO_LENGTH, kernels, nullptr, &f);
  napi_set_named_property(env, exports, "kernels", f);
  return exports;
}
