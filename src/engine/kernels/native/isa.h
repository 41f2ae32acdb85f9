// What each `isa_*.cc` compiles: the kernels for its instruction set, as the table `addon.cc` dispatches to.
#pragma once
#include "conv2d.h"
#include "filterGradient.h"
#include "kernelTable.h"

namespace {

/** The table of instruction set `T`'s kernels; `fused` only where the set has FMA. */
template <class T>
constexpr KernelTable kernelTable(const char* isa) {
#ifdef __FMA__
  return {isa, {conv2d<T, false>, conv2d<T, true>}, {filterGradient<T, false>, filterGradient<T, true>}};
#else
  return {isa, {conv2d<T, false>, nullptr}, {filterGradient<T, false>, nullptr}};
#endif
}

}  // namespace
