// What each instruction set's translation unit (`isa_*.cc`) exports to the Node binding (`addon.cc`).
#pragma once
#include <cstddef>

/** A 2-D convolution's shapes: `x` [n,h,w,ci], filter [kh,kw,ci,co], output [n,oh,ow,co], strides, and the padding before the first row and column (either may be negative). */
struct ConvGeometry {
  int n, h, w, ci, oh, ow, co, kh, kw, sh, sw, pt, pl;
};

/** Eval-mode batch norm (then ReLU when `relu`) applied to a convolution's output: `(v + negMean)·scale + offset`, each `[co]`; none when `scale` is null. */
struct Epilogue {
  const float* negMean;
  const float* scale;
  const float* offset;
  bool relu;
};

using Conv2dKernel = void (*)(const float* x, const float* w, float* out, const ConvGeometry& g, const Epilogue& e);
using Conv2dFilterGradientKernel = void (*)(const float* x, const float* dy, float* dW, const ConvGeometry& g);

/** The passes of train-mode batch norm (`batchNormTrain.h`, `channelMeans.h`); they round the same in both builds. */
struct BatchNormPasses {
  void (*mean)(const float* x, float* mean, std::size_t images, std::size_t pixels, int c);
  void (*centreVariance)(const float* x, const float* mean, float* centred, float* variance, std::size_t images, std::size_t pixels, int c);
  void (*normalise)(const float* centred, const float* invStd, const float* scale, const float* offset, float* out, std::size_t pixels, int c, bool relu);
  void (*gradMeans)(const float* dy, const float* out, const float* centred, const float* invStd, float* dyIn, float* meanDy, float* meanDyHat, std::size_t images,
                    std::size_t pixels, int c, bool relu);
  void (*inputGrad)(const float* dyIn, const float* centred, const float* invStd, const float* meanDy, const float* meanDyHat, const float* factor, float* dx,
                    std::size_t pixels, int c);
};

/** One instruction set's kernels: with a product and a sum per multiply-add (`separate`) and, where the set has FMA, with fused ones (`fused`, else null). */
struct KernelTable {
  const char* isa;
  Conv2dKernel conv2d[2];                  // [separate, fused]
  Conv2dFilterGradientKernel conv2dFilterGradient[2];  // [separate, fused]
  BatchNormPasses batchNorm;
};

extern const KernelTable avx512Kernels;
extern const KernelTable avx2Kernels;
extern const KernelTable sse2Kernels;
