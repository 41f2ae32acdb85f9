{
  "target_defaults": {
    "cflags_cc": ["-std=c++20", "-O3", "-ffp-contract=off", "-fno-exceptions", "-Wno-maybe-uninitialized"],
    "cflags_cc!": ["-std=gnu++17", "-fno-rtti"]
  },
  "targets": [
    {
      "target_name": "isa_avx512",
      "type": "static_library",
      "sources": ["isa_avx512.cc"],
      "cflags_cc": ["-mavx512f", "-mavx512vl", "-mfma"]
    },
    {
      "target_name": "isa_avx2",
      "type": "static_library",
      "sources": ["isa_avx2.cc"],
      "cflags_cc": ["-mavx2", "-mfma"]
    },
    {
      "target_name": "isa_sse2",
      "type": "static_library",
      "sources": ["isa_sse2.cc"]
    },
    {
      "target_name": "gst_kernels",
      "sources": ["addon.cc"],
      "dependencies": ["isa_avx512", "isa_avx2", "isa_sse2"]
    }
  ]
}
