import { setFlagsFromString } from 'node:v8';
import type { AssemblyKernels } from '../heapKernels.js';
import { WasmHeapModule, type WasmHeapBackend } from './wasmHeapModule.js';

/**
 * The two builds of the heap kernels (`assembly/`, `npm run build:kernels`): `kernels.wasm` (SIMD, a
 * product and a sum per multiply-add) and `kernels-fma.wasm` (relaxed SIMD: one fused multiply-add,
 * other rounding; `GST_WASM_FMA=1`).
 */
const builds = {
  separate: new WasmHeapModule<AssemblyKernels>(new URL('./assembly/kernels.wasm', import.meta.url)),
  fused: new WasmHeapModule<AssemblyKernels>(new URL('./assembly/kernels-fma.wasm', import.meta.url)),
};

let fusedMultiplyAdds = false;

/**
 * Makes the kernels use fused multiply-adds (the `fma` build) or not, for every later kernel call
 * in this process. The fused build needs V8's relaxed SIMD (set here: Node 20 has it behind
 * `--experimental-wasm-relaxed-simd`) and a processor that fuses them (x86 FMA3, ARM NEON): where
 * it would round twice, that is an error, since its results would differ from the fused ones'.
 *
 * @example
 * ```ts
 * useFusedMultiplyAdds(true, backend); // the convolutions now run relaxed_madd
 * ```
 */
export function useFusedMultiplyAdds(fused: boolean, backend: unknown): void {
  if (fused) {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
    if (builds.fused.on(backend as WasmHeapBackend).maddRoundsOnce(1 + 2 ** -12, -(1 + 2 ** -11)) !== 1) {
      throw new Error('GST_WASM_FMA=1: this processor rounds relaxed-SIMD multiply-adds twice (no fused multiply-add); unset GST_WASM_FMA');
    }
  }
  fusedMultiplyAdds = fused;
}

/** Whether the kernels use fused multiply-adds ({@link useFusedMultiplyAdds}). */
export function usesFusedMultiplyAdds(): boolean {
  return fusedMultiplyAdds;
}

/** The build in use ({@link useFusedMultiplyAdds}), running on `backend`'s heap. */
export function kernelBuildOn(backend: WasmHeapBackend): AssemblyKernels {
  return (fusedMultiplyAdds ? builds.fused : builds.separate).on(backend);
}
