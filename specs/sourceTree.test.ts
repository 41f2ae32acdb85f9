import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './support/sourceFiles.js';

const handUnrolledKernels = 'src/engine/kernels/wasm/assembly/';
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)].map((m) => ({ typeOnly: m[1] !== undefined, from: m[2] }));

describe('the source tree', () => {
  it('has no file over 200 lines outside the hand-unrolled SIMD kernels', () => {
    const long = sourceFiles('src')
      .filter((f) => !f.startsWith(handUnrolledKernels))
      .map((f) => `${f}: ${readFileSync(f, 'utf8').trimEnd().split('\n').length} lines`)
      .filter((line) => Number(line.split(': ')[1].split(' ')[0]) > 200);
    expect(long).toEqual([]);
  });

  it('keeps its layers: the engine calls no store or run layer; the store calls no run layer (types aside)', () => {
    const offenders = sourceFiles('src').flatMap((file) =>
      imports(file)
        .filter(({ typeOnly, from }) => {
          if (file.startsWith('src/engine/')) return /\/(store|run|claims|report)\//.test(from);
          if (file.startsWith('src/store/')) return !typeOnly && /\/(run|claims|report)\//.test(from);
          return false;
        })
        .map(({ from }) => `${file} imports ${from}`),
    );
    expect(offenders).toEqual([]);
  });
});
