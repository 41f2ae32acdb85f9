import { describe, expect, it } from 'vitest';
import { vectorExtensions } from '../../src/bench/vectorExtensions.js';

describe('vectorExtensions', () => {
  it('keeps the SSE4, AVX, FMA and AMX flags of the first flags line, sorted and without repeats', () => {
    const cpuinfo = [
      'processor\t: 0',
      'model name\t: Intel(R) Xeon(R) Processor',
      'flags\t\t: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 avx512f avx512_bf16 amx_tile avx2 aes',
      'bugs\t\t: spectre_v1',
      'processor\t: 1',
      'flags\t\t: fpu sse4_1',
    ].join('\n');
    expect(vectorExtensions(cpuinfo)).toEqual(['amx_tile', 'avx', 'avx2', 'avx512_bf16', 'avx512f', 'fma', 'sse4_1', 'sse4_2']);
  });

  it('gives no extensions when there is no flags line (e.g. an ARM cpuinfo names them "Features")', () => {
    expect(vectorExtensions('processor\t: 0\nFeatures\t: fp asimd\n')).toEqual([]);
  });
});
