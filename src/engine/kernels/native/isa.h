// What each `isa_*.cc` compiles: the kernels for its instruction set, as the table `addon.cc` dispatches to.
#pragma once
#include "batchNorm.h"
#include "channelMeans.h"
#include "conv2d.h"
#include "filterGradient.h"
#include "kernelTable.h"

namespace {

/** The table of instruction set `T`'s kernels; `fused` only where the set has FMA. */
template <class T>
constexpr KernelTable kernelTable(const char* isa) {
  const BatchNormPasses batchNorm{batchNormMean<T>, batchNormCentreVariance<T>, batchNormNormalise<T>, batchNormGradMeans<T>, batchNormInputGrad<T>};
#ifdef __FMA__
  return {isa, {conv2d<T, false>, conv2d<T, true>}, {filterGradient<T, false>, filterGradient<T, true>}, batchNorm};
#else
  return {isa, {conv2d<T, false>, nullptr}, {filterGradient<T, false>, nullptr}, batchNorm};
#endif
}

}  // namespace
