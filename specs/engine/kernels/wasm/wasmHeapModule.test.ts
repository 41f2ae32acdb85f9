import { describe, expect, it } from 'vitest';
import { WasmHeapModule, type WasmHeapBackend } from '../../../../src/engine/kernels/wasm/wasmHeapModule.js';

const kernels = new URL('../../../../src/engine/kernels/wasm/assembly/kernels.wasm', import.meta.url);
const wasm = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => object } }).WebAssembly;

function fakeBackend(memory: unknown): WasmHeapBackend {
  return { wasm: { asm: { memory } }, dataIdMap: { get: () => undefined }, makeOutput: () => ({ dataId: {}, shape: [] }) };
}

describe('WasmHeapModule', () => {
  it('instantiates once per backend heap and reuses the instance', () => {
    const module = new WasmHeapModule<{ conv2d: unknown }>(kernels);
    const backend = fakeBackend(new wasm.Memory({ initial: 1 }));
    const first = module.on(backend);
    expect(typeof first.conv2d).toBe('function');
    expect(module.on(backend)).toBe(first);
    expect(module.on(fakeBackend(new wasm.Memory({ initial: 1 })))).not.toBe(first);
  });

  it('names what is wrong when the backend heap is not reachable or is shared', () => {
    const module = new WasmHeapModule(kernels);
    expect(() => module.on(fakeBackend(undefined))).toThrow(/memory is not reachable/);
    expect(() => module.on(fakeBackend(new wasm.Memory({ initial: 1, maximum: 1, shared: true })))).toThrow(/multi-threaded/);
  });
});
