import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './support/sourceFiles.js';

const handUnrolledKernels = 'src/engine/kernels/wasm/assembly/';

/** The layers of `src/`, lowest first: a file imports only from its own layer or lower ones (README, "How a claim becomes a verdict"). */
const layers = [
  'primitives',
  'settingParsers.ts',
  'settings.ts',
  'stats',
  'engine',
  'pruning',
  'flatness',
  'results',
  'store',
  'run',
  'readings',
  'claims',
  'report',
  'bench',
  'cli',
  'index.ts',
];

/** The stages of `src/claims/`, lowest first (the folder's root files sit between `decide` and `maps`). */
const claimStages = ['dsl', 'design', 'profiles', 'decide', '(root)', 'maps', 'runner'];

/** Every relative import of a TypeScript file, resolved to the imported file (`.js` → `.ts`). */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import (?:type )?[^;]*? from '(\.[^']+)';/gms)].map((m) =>
    relative('.', join(dirname(file), m[1])).replace(/\.js$/, '.ts'),
  );
}

const layerOf = (file: string) => layers.indexOf(file.split('/')[1]);
const claimStageOf = (file: string) => {
  const part = file.split('/')[2];
  return claimStages.indexOf(part.endsWith('.ts') ? '(root)' : part);
};

describe('the source tree', () => {
  const files = sourceFiles('src', ['.ts', '.cc', '.h']);
  const typescript = files.filter((f) => f.endsWith('.ts') && !f.startsWith(handUnrolledKernels));

  it('has no file over 200 lines (C++ included) outside the hand-unrolled SIMD kernels', () => {
    const long = files
      .filter((f) => !f.startsWith(handUnrolledKernels))
      .map((f) => ({ f, lines: readFileSync(f, 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > 200)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('places every file of src/ in a layer, and every file of src/claims/ in a stage', () => {
    expect(typescript.filter((f) => layerOf(f) < 0)).toEqual([]);
    expect(typescript.filter((f) => f.startsWith('src/claims/') && claimStageOf(f) < 0)).toEqual([]);
  });

  it('imports only downwards: no layer of src/ (types included) and no stage of src/claims/ imports a higher one', () => {
    const climbing = typescript.flatMap((file) =>
      importsOf(file)
        .filter(
          (to) => layerOf(to) > layerOf(file) || (file.startsWith('src/claims/') && to.startsWith('src/claims/') && claimStageOf(to) > claimStageOf(file)),
        )
        .map((to) => `${file} imports ${to}`),
    );
    expect(climbing).toEqual([]);
  });

  it('has no import cycle between files (types included)', () => {
    const graph = new Map(typescript.map((f) => [f, importsOf(f).filter((to) => to.startsWith('src/'))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const to of graph.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
