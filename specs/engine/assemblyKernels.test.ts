import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const assemblyDir = join(import.meta.dirname, '../../src/engine/kernels/assembly');

describe('wasm kernels written in AssemblyScript', () => {
  it('the committed conv2dFilterGradient.wasm is what `npm run build:kernels` compiles from its source', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gst-asc-'));
    try {
      const built = join(out, 'conv2dFilterGradient.wasm');
      const asc = join(import.meta.dirname, '../../node_modules/.bin/asc');
      await promisify(execFile)(asc, ['--config', join(assemblyDir, 'asconfig.json'), '--outFile', built]);
      expect(readFileSync(built).equals(readFileSync(join(assemblyDir, 'conv2dFilterGradient.wasm')))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
