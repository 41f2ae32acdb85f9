import { heapKernels, nativeKernelNames, type HeapKernelName, type NativeKernelName } from '../heapKernels.js';
import { nativeKernelsFor } from '../native/nativeKernels.js';
import { kernelBuildOn, usesFusedMultiplyAdds } from './kernelBuild.js';
import { backendMemory, type WasmHeapBackend } from './wasmHeapModule.js';

/**
 * Runs heap kernel `name` on the wasm backend's heap with `args` (its table entry's arguments: heap
 * offsets, then sizes and flags): as native code where `useNativeKernels` chose an instruction set
 * and the native module has it (same bits), else in the build in use (`useFusedMultiplyAdds`).
 *
 * @example
 * ```ts
 * runHeapKernel('batchNormMean', backend, [heapOffset(backend, x), heapOffset(backend, mean), images, pixelsPerImage, channels]);
 * ```
 */
export function runHeapKernel(name: HeapKernelName, backend: unknown, args: readonly number[]): void {
  const expected = heapKernels[name].args;
  if (args.length !== expected.length)
    throw new Error(`heap kernel ${name}: ${args.length} arguments given; it takes ${expected.length} (${expected.join(', ')})`);
  const heap = backend as WasmHeapBackend;
  const native = nativeKernelsFor(usesFusedMultiplyAdds());
  if (native !== undefined && isNativeKernel(name)) native[name](backendMemory(heap, name).buffer, ...args);
  else (kernelBuildOn(heap)[name] as unknown as (...operands: readonly number[]) => void)(...args);
}

const isNativeKernel = (name: HeapKernelName): name is NativeKernelName => (nativeKernelNames as readonly string[]).includes(name);
