// The kernels with AVX2 (8 floats a vector, 16 vector registers); built with -mavx2 -mfma.
#define VECTOR_REGISTERS 16
#include "isa.h"

const KernelTable avx2Kernels = kernelTable<Avx>("avx2");
