// One call of a native kernel from JavaScript: the wasm backend's heap, then integer arguments,
// each operand checked to lie inside the heap before a kernel touches it (`addon.cc`).
#pragma once
#include <node_api.h>

#include <cstdint>
#include <string>

namespace {

napi_value fail(napi_env env, const std::string& message) {
  napi_throw_range_error(env, nullptr, message.c_str());
  return nullptr;
}

/** One call's arguments: the heap, then `N` integers; `ok` false (an error thrown) when they are not that. */
template <class Bound, std::size_t N>
struct Call {
  const char* name;
  const Bound* bound = nullptr;
  char* heap = nullptr;
  int64_t heapBytes = 0;
  int64_t v[N] = {};
  bool ok = false;

  Call(napi_env env, napi_callback_info info, const char* kernel) : name(kernel) {
    std::size_t argc = N + 1;
    napi_value argv[N + 1];
    void* data;
    if (napi_get_cb_info(env, info, &argc, argv, nullptr, &data) != napi_ok) return;
    bound = static_cast<const Bound*>(data);
    if (argc != N + 1) {
      fail(env, std::string(name) + ": expected " + std::to_string(N + 1) + " arguments, got " + std::to_string(argc));
      return;
    }
    void* base;
    std::size_t bytes;
    if (napi_get_arraybuffer_info(env, argv[0], &base, &bytes) != napi_ok) {
      fail(env, std::string(name) + ": argument 1 is not an ArrayBuffer (the wasm backend's memory.buffer)");
      return;
    }
    heap = static_cast<char*>(base);
    heapBytes = int64_t(bytes);
    for (std::size_t i = 0; i < N; i++) {
      double value;
      if (napi_get_value_double(env, argv[i + 1], &value) != napi_ok || value != double(int64_t(value))) {
        fail(env, std::string(name) + ": argument " + std::to_string(i + 2) + " is not an integer");
        return;
      }
      v[i] = int64_t(value);
    }
    ok = true;
  }

  /** The operand at byte offset `v[i]` (`what`, `count` floats), or null with an error thrown when it does not lie inside the heap. */
  float* operand(napi_env env, std::size_t i, int64_t count, const char* what) {
    const int64_t offset = v[i];
    if (offset >= 0 && offset % 4 == 0 && count >= 0 && offset + 4 * count <= heapBytes) return reinterpret_cast<float*>(heap + offset);
    fail(env, std::string(name) + ": " + what + " (byte offset " + std::to_string(offset) + ", " + std::to_string(count) + " floats) does not lie inside the heap of " +
                  std::to_string(heapBytes) + " bytes");
    return nullptr;
  }

  /** `v[i]` as a size in 1…2^24, or false with an error thrown. */
  bool size(napi_env env, std::size_t i) {
    if (v[i] >= 1 && v[i] <= (1 << 24)) return true;
    fail(env, std::string(name) + ": shape argument " + std::to_string(i + 2) + " is " + std::to_string(v[i]) + "; allowed: 1 to 2^24");
    return false;
  }
};

}  // namespace
