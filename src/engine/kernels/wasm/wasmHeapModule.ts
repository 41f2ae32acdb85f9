import { readFileSync } from 'node:fs';

/** The part of Node's `WebAssembly` global used here (the project's `lib` setting has no WebAssembly types). */
interface WebAssemblyGlobal {
  Memory: abstract new (...args: never[]) => { readonly buffer: ArrayBuffer | SharedArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyGlobal }).WebAssembly;
type WasmMemory = InstanceType<WebAssemblyGlobal['Memory']>;

/** The wasm backend as a heap module sees it: its emscripten module and tensor storage. */
export interface WasmHeapBackend {
  readonly wasm: { readonly asm?: { readonly memory?: unknown }; readonly wasmExports?: { readonly memory?: unknown } };
  readonly dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): { dataId: object; shape: number[] };
}

/**
 * A WebAssembly module of this project that runs on the heap of tfjs' wasm backend: it imports the
 * backend's memory as `env.memory`, so its functions take tensors' byte offsets on that heap and
 * read and write them in place (no copies). Compiled once, instantiated once per backend heap.
 *
 * @example
 * ```ts
 * const kernels = new WasmHeapModule<{ conv2d(...args: number[]): void }>(new URL('./assembly/kernels.wasm', import.meta.url));
 * kernels.on(backend).conv2d(heapOffset(backend, x), heapOffset(backend, filter), heapOffset(backend, out), ...geometry);
 * ```
 */
export class WasmHeapModule<Exports> {
  private compiled: object | undefined;
  private readonly instances = new WeakMap<WasmMemory, Exports>();

  constructor(private readonly url: URL) {}

  /** The module's exports, running on `backend`'s heap. */
  on(backend: WasmHeapBackend): Exports {
    const memory = backendMemory(backend, this.url.pathname);
    let instance = this.instances.get(memory);
    if (instance === undefined) {
      this.compiled ??= new webAssembly.Module(readFileSync(this.url));
      instance = new webAssembly.Instance(this.compiled, { env: { memory } }).exports as Exports;
      this.instances.set(memory, instance);
    }
    return instance;
  }
}

/**
 * The wasm backend's heap, the single-threaded build's `WebAssembly.Memory`; `user` names who asks,
 * in the error where it is not reachable.
 *
 * @example
 * ```ts
 * new Float32Array(backendMemory(backend, 'probe').buffer, heapOffset(backend, x), 4); // x's first 4 values, in place
 * ```
 */
export function backendMemory(backend: WasmHeapBackend, user: string): WasmMemory & { readonly buffer: ArrayBuffer } {
  // emscripten names the instance's exports `asm` (tfjs-backend-wasm 4.22) or `wasmExports` (newer builds)
  const memory = backend.wasm.asm?.memory ?? backend.wasm.wasmExports?.memory;
  if (!(memory instanceof webAssembly.Memory)) {
    throw new Error(
      `${user}: the wasm backend's memory is not reachable (expected tfjs-backend-wasm's emscripten module, with asm.memory or wasmExports.memory)`,
    );
  }
  if (memory.buffer instanceof SharedArrayBuffer) {
    throw new Error(`${user}: the wasm backend runs multi-threaded (shared memory); this project's wasm kernels need its single-threaded build`);
  }
  return memory as WasmMemory & { readonly buffer: ArrayBuffer };
}

/** Byte offset of a tensor's values on the wasm backend's heap. */
export function heapOffset(backend: WasmHeapBackend, tensor: { dataId: object }): number {
  const data = backend.dataIdMap.get(tensor.dataId);
  if (data === undefined) throw new Error('heapOffset: the tensor is not stored on this wasm backend');
  return data.memoryOffset;
}
