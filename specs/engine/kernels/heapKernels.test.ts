import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapKernels, nativeKernelNames } from '../../../src/engine/kernels/heapKernels.js';
import { nativeModule } from '../../../src/engine/kernels/native/nativeKernels.js';

const kernelsDir = join(import.meta.dirname, '../../../src/engine/kernels');
const assemblyDir = join(kernelsDir, 'wasm/assembly');

interface WebAssemblyApi {
  Module: { new (bytes: Uint8Array): object; exports(m: object): { name: string; kind: string }[] };
  Instance: new (m: object, imports: object) => { exports: Record<string, { length: number }> };
  Memory: new (d: { initial: number }) => object;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** The functions a build exports, with their parameter counts. */
function buildExports(file: string): Record<string, number> {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  const module = new webAssembly.Module(readFileSync(join(assemblyDir, file)));
  const instance = new webAssembly.Instance(module, { env: { memory: new webAssembly.Memory({ initial: 1 }) } });
  return Object.fromEntries(webAssembly.Module.exports(module).map((e) => [e.name, instance.exports[e.name].length]));
}

const tableArity = Object.fromEntries(Object.entries(heapKernels).map(([name, entry]) => [name, entry.args.length]));

describe('the table of heap kernels (heapKernels.ts) is the one list every backend list follows', () => {
  it.each(['kernels.wasm', 'kernels-fma.wasm'])('%s exports exactly the table’s kernels, each taking the table’s arguments', (file) => {
    expect(buildExports(file)).toEqual(tableArity);
  });

  it('asconfig.json compiles exactly the table’s source files', () => {
    const entries = (JSON.parse(readFileSync(join(assemblyDir, 'asconfig.json'), 'utf8')) as { entries: string[] }).entries;
    expect(entries.map((e) => e.replace(/^\.\//, '')).sort()).toEqual([...new Set(Object.values(heapKernels).map((e) => e.source))].sort());
  });

  it('the native binding (addon.cc) binds exactly the table’s native kernels, in its order', () => {
    const addon = readFileSync(join(kernelsDir, 'native/addon.cc'), 'utf8');
    const list = addon.slice(addon.indexOf('functions[] = {'), addon.indexOf('};', addon.indexOf('functions[] = {')));
    expect([...list.matchAll(/\{"(\w+)", /g)].map((m) => m[1])).toEqual(nativeKernelNames);
  });

  it.skipIf(nativeModule() === undefined)('the built native module has exactly the table’s native kernels', () => {
    const module = nativeModule();
    const isa = module?.isas()[0] ?? 'sse2';
    expect(Object.keys(module?.kernels(isa, false) ?? {})).toEqual(nativeKernelNames);
  });
});
