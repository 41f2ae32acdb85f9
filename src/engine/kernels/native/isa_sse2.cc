// The kernels with SSE2, which every x86-64 processor has (4 floats a vector, 16 vector registers; no fused multiply-adds).
#define VECTOR_REGISTERS 16
#include "isa.h"

const KernelTable sse2Kernels = kernelTable<Sse>("sse2");
