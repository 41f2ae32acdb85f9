import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';

const assemblyDir = join(import.meta.dirname, '../../../../src/engine/kernels/wasm/assembly');

/** The ids of a wasm binary's sections, in order (1 type, 2 import, 3 function, 7 export, 8 start, 10 code, 11 data, ...). */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    ids.push(bytes[at++]);
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += size;
  }
  return ids;
}

describe('wasm kernels written in AssemblyScript', () => {
  it.each([
    ['release', 'kernels.wasm'],
    ['fma', 'kernels-fma.wasm'],
  ])('the committed build %s (%s) is what `npm run build:kernels` compiles from its sources', async (target, file) => {
    const out = mkdtempSync(join(tmpdir(), 'gst-asc-'));
    try {
      const built = join(out, file);
      const asc = join(import.meta.dirname, '../../../../node_modules/.bin/asc');
      await promisify(execFile)(asc, ['--config', join(assemblyDir, 'asconfig.json'), '--target', target, '--outFile', built]);
      expect(readFileSync(built).equals(readFileSync(join(assemblyDir, file)))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each(['kernels.wasm', 'kernels-fma.wasm'])(
    '%s only imports the backend heap and writes nothing to it when it loads (no data segments, globals or start function)',
    (file) => {
      setFlagsFromString('--experimental-wasm-relaxed-simd');
      const bytes = readFileSync(join(assemblyDir, file));
      const wasm = (
        globalThis as unknown as {
          WebAssembly: { Module: { new (b: Uint8Array): object; imports(m: object): unknown } };
        }
      ).WebAssembly;
      const module = new wasm.Module(bytes);
      expect(wasm.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(sectionIds(bytes).filter((id) => id !== 0)).toEqual([1, 2, 3, 7, 10]);
    },
  );
});
