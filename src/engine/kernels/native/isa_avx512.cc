// The kernels with AVX-512 (16 floats a vector, 32 vector registers); built with -mavx512f -mavx512vl -mfma.
#define VECTOR_REGISTERS 32
#include "isa.h"

const KernelTable avx512Kernels = kernelTable<Avx512>("avx512");
