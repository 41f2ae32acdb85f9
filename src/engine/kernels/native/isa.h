// What each `isa_*.cc` compiles: the kernels for its instruction set, as the table `addon.cc` dispatches to.
#pragma once
#include "batchNormTrain.h"
#include "channelMeans.h"
#include "conv2d.h"
#include "conv2dFilterGradient.h"
#include "kernelTable.h"

namespace {

/** The table of instruction set `T`'s kernels; `fused` only where the set has FMA. */
template <class T>
constexpr KernelTable kernelTable(const char* isa) {
  const BatchNormPasses batchNorm{batchNormMean<T>, batchNormCentreVariance<T>, batchNormNormalise<T>, batchNormGradMeans<T>, batchNormInputGrad<T>};
#ifdef __FMA__
  return {isa, {conv2d<T, false>, conv2d<T, true>}, {conv2dFilterGradient<T, false>, conv2dFilterGradient<T, true>}, batchNorm};
#else
  return {isa, {conv2d<T, false>, nullptr}, {conv2dFilterGradient<T, false>, nullptr}, batchNorm};
#endif
}

}  // namespace
