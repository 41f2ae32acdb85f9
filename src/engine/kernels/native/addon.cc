// Node binding of the native kernels: `isas()` lists the instruction sets this processor runs, best
// first; `kernels(isa, fused)` returns that set's `conv2d` and `conv2dFilterGradient`, which take the
// wasm backend's heap (`memory.buffer`), byte offsets on it and the geometry, as the wasm kernels do
// (`../assemblyKernels.ts`), and check that every operand lies inside the heap before touching it.
#include <node_api.h>

#include <cstdint>
#include <string>

#include "kernelTable.h"

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
  FilterGradientKernel filterGradient;
};

napi_value fail(napi_env env, const std::string& message) {
  napi_throw_range_error(env, nullptr, message.c_str());
  return nullptr;
}

/** Reads `count` arguments after the heap as integers; false (with a thrown error) when one is not an integer. */
bool readIntegers(napi_env env, napi_value* argv, std::size_t count, int64_t* out, const char* kernel) {
  for (std::size_t i = 0; i < count; i++) {
    double value;
    if (napi_get_value_double(env, argv[i], &value) != napi_ok || value != double(int64_t(value))) {
      fail(env, std::string(kernel) + ": argument " + std::to_string(i + 2) + " is not an integer");
      return false;
    }
    out[i] = int64_t(value);
  }
  return true;
}

/** `conv2d` (epilogue operands 0 for none) or `conv2dFilterGradient`: (heap, a, b, out, n, h, w, ci, oh, ow, co, kh, kw, sh, sw, pt, pl[, negMean, scale, offset, relu]). */
template <bool Forward>
napi_value convolve(napi_env env, napi_callback_info info) {
  constexpr const char* kName = Forward ? "conv2d" : "conv2dFilterGradient";
  constexpr std::size_t kArgs = Forward ? 21 : 17;
  std::size_t argc = kArgs;
  napi_value argv[kArgs];
  void* data;
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, &data) != napi_ok) return nullptr;
  if (argc != kArgs) return fail(env, std::string(kName) + ": expected " + std::to_string(kArgs) + " arguments, got " + std::to_string(argc));
  void* heap;
  std::size_t heapBytes;
  if (napi_get_arraybuffer_info(env, argv[0], &heap, &heapBytes) != napi_ok) return fail(env, std::string(kName) + ": argument 1 is not an ArrayBuffer (the wasm backend's memory.buffer)");
  int64_t v[kArgs - 1];
  if (!readIntegers(env, argv + 1, kArgs - 1, v, kName)) return nullptr;
  const ConvGeometry g{int(v[3]), int(v[4]), int(v[5]), int(v[6]), int(v[7]), int(v[8]), int(v[9]), int(v[10]), int(v[11]), int(v[12]), int(v[13]), int(v[14]), int(v[15])};
  for (int i = 3; i <= 13; i++) {
    if (v[i] < 1 || v[i] > (1 << 24)) return fail(env, std::string(kName) + ": shape or stride argument " + std::to_string(i + 2) + " is " + std::to_string(v[i]) + "; allowed: 1 to 2^24");
  }
  const int64_t xFloats = int64_t(g.n) * g.h * g.w * g.ci;
  const int64_t wFloats = int64_t(g.kh) * g.kw * g.ci * g.co;
  const int64_t yFloats = int64_t(g.n) * g.oh * g.ow * g.co;
  // operands: x, then the filter (forward) or dy (gradient), then the output
  const int64_t floats[3] = {xFloats, Forward ? wFloats : yFloats, Forward ? yFloats : wFloats};
  const char* names[3] = {"x", Forward ? "filter" : "dy", Forward ? "out" : "dW"};
  auto inside = [&](int64_t offset, int64_t count) { return offset >= 0 && offset % 4 == 0 && offset + 4 * count <= int64_t(heapBytes); };
  for (int i = 0; i < 3; i++) {
    if (!inside(v[i], floats[i])) return fail(env, std::string(kName) + ": " + names[i] + " (byte offset " + std::to_string(v[i]) + ", " + std::to_string(floats[i]) + " floats) does not lie inside the heap of " + std::to_string(heapBytes) + " bytes");
  }
  auto at = [&](int64_t offset) { return reinterpret_cast<float*>(static_cast<char*>(heap) + offset); };
  const Bound* bound = static_cast<const Bound*>(data);
  if constexpr (Forward) {
    Epilogue e{nullptr, nullptr, nullptr, v[19] != 0};
    if (v[17] != 0) {
      for (int i = 16; i <= 18; i++) {
        if (!inside(v[i], g.co)) return fail(env, std::string(kName) + ": epilogue operand " + std::to_string(i - 15) + " (byte offset " + std::to_string(v[i]) + ") does not lie inside the heap");
      }
      e = Epilogue{at(v[16]), at(v[17]), at(v[18]), v[19] != 0};
    }
    bound->conv2d(at(v[0]), at(v[1]), at(v[2]), g, e);
  } else {
    bound->filterGradient(at(v[0]), at(v[1]), at(v[2]), g);
  }
  return nullptr;
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
    auto* bound = new Bound{isa.table->conv2d[k], isa.table->filterGradient[k]};
    napi_value result, conv, grad;
    napi_create_object(env, &result);
    napi_create_function(env, "conv2d", NAPI_AUTO_LENGTH, convolve<true>, bound, &conv);
    napi_create_function(env, "conv2dFilterGradient", NAPI_AUTO_LENGTH, convolve<false>, bound, &grad);
    napi_set_named_property(env, result, "conv2d", conv);
    napi_set_named_property(env, result, "conv2dFilterGradient", grad);
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
