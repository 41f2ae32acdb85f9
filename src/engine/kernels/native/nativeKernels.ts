import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { nativeInstructionSets, nativeKernelRequests } from '../../../settings.js';
import type { NativeKernelName } from '../heapKernels.js';

export type NativeInstructionSet = (typeof nativeInstructionSets)[number];

/**
 * One instruction set's native kernels. Each takes the wasm backend's heap (`memory.buffer`), then
 * exactly the arguments of the heap kernel of the same name (`heapKernels.ts`), and gives its bits:
 * the same operations in the same order, with wider vectors.
 */
export type NativeKernels = Record<NativeKernelName, (heap: ArrayBuffer, ...operands: number[]) => void>;

/** The Node binding `addon.cc`. */
interface NativeModule {
  /** The instruction sets this processor runs, best first. */
  isas(): NativeInstructionSet[];
  /** That set's kernels, with fused multiply-adds (`GST_WASM_FMA=1`'s rounding; not `sse2`) or a product and a sum each. */
  kernels(isa: NativeInstructionSet, fused: boolean): NativeKernels;
}

/** Where `npm run build:native` (run by `npm install`) puts the module. */
const modulePath = fileURLToPath(new URL('./build/Release/gst_kernels.node', import.meta.url));

let loaded: NativeModule | null | undefined;

/**
 * The native kernels' module, or undefined where it was not built (the install found no C++
 * compiler, or the processor is not x86-64). A module that is there but does not load is an error.
 *
 * @example
 * ```ts
 * nativeModule()?.isas(); // ['avx512', 'avx2', 'sse2'] on a processor with AVX-512
 * ```
 */
export function nativeModule(): NativeModule | undefined {
  if (loaded === undefined) {
    loaded = existsSync(modulePath) ? (createRequire(import.meta.url)(modulePath) as NativeModule) : null;
  }
  return loaded ?? undefined;
}

/**
 * The instruction set `GST_NATIVE_KERNELS` asks for: `auto` the best this processor runs where the
 * module is built (else none), `0` none; a named one must be built and run here, or it is an error
 * that says what is allowed.
 *
 * @example
 * ```ts
 * resolveNativeKernels('auto'); // 'avx512' on a processor with AVX-512, undefined where the module is not built
 * ```
 */
export function resolveNativeKernels(request: (typeof nativeKernelRequests)[number]): NativeInstructionSet | undefined {
  if (request === '0') return undefined;
  const module = nativeModule();
  if (request === 'auto') return module?.isas()[0];
  if (module === undefined) {
    throw new Error(
      `GST_NATIVE_KERNELS='${request}' but the native kernels are not built; run npm run build:native (needs a C++ compiler), or set GST_NATIVE_KERNELS=auto`,
    );
  }
  const runs = module.isas();
  if (!runs.includes(request)) throw new Error(`GST_NATIVE_KERNELS='${request}' is not run by this processor; allowed here: auto, ${runs.join(', ')}, 0`);
  return request;
}

/** The native kernels in use ({@link useNativeKernels}), for each rounding; none runs the wasm build's. */
let selected: { isa: NativeInstructionSet; separate: NativeKernels; fused?: NativeKernels } | undefined;

/**
 * Makes the convolution and its filter gradient run as native code of instruction set `isa` (the
 * module `native/`, built by `npm install`), or as the wasm build's again (`undefined`), for every
 * later call in this process. Native and wasm kernels give the same bits for either rounding
 * (`useFusedMultiplyAdds`): the same sums in the same order, with wider vectors; `sse2` has no
 * fused multiply-adds, so with them the wasm build runs. Returns the set now in use.
 *
 * @example
 * ```ts
 * useNativeKernels(nativeModule()?.isas()[0]); // 'avx512' on a processor with AVX-512
 * ```
 */
export function useNativeKernels(isa: NativeInstructionSet | undefined): NativeInstructionSet | undefined {
  if (isa === undefined) {
    selected = undefined;
    return undefined;
  }
  const module = nativeModule();
  if (module === undefined) throw new Error(`native kernels '${isa}': the native module is not built; run npm run build:native (needs a C++ compiler)`);
  selected = { isa, separate: module.kernels(isa, false), ...(isa === 'sse2' ? {} : { fused: module.kernels(isa, true) }) };
  return isa;
}

/** The native kernels to run for the rounding `fused`, if any ({@link useNativeKernels}). */
export function nativeKernelsFor(fused: boolean): NativeKernels | undefined {
  return fused ? selected?.fused : selected?.separate;
}

/** The instruction set whose kernels run for the rounding `fused` (none where the wasm build runs), as runs record it. */
export function nativeInstructionSetFor(fused: boolean): NativeInstructionSet | undefined {
  return nativeKernelsFor(fused) === undefined ? undefined : selected?.isa;
}
