import { readFileSync } from 'node:fs';

/** Flag prefixes of `/proc/cpuinfo` that name a processor's vector extensions (SSE4, AVX*, FMA, AMX). */
const vectorFlag = /^(sse4|avx|fma|amx)/;

/**
 * The vector extensions a Linux processor reports in `/proc/cpuinfo`'s `flags` line, sorted: what a
 * bench ratio against PyTorch has to be read with (its oneDNN kernels use 512-bit vectors where
 * `avx512f` is present; wasm SIMD is 128 bits wide on every processor).
 *
 * @example
 * ```ts
 * vectorExtensions('flags\t\t: fpu sse4_1 avx2 fma avx512f\n'); // ['avx2', 'avx512f', 'fma', 'sse4_1']
 * ```
 */
export function vectorExtensions(cpuinfo: string): string[] {
  const line = /^flags\s*:(.*)$/m.exec(cpuinfo);
  if (line === null) return [];
  return [
    ...new Set(
      line[1]
        .trim()
        .split(/\s+/)
        .filter((flag) => vectorFlag.test(flag)),
    ),
  ].sort();
}

/** {@link vectorExtensions} of this machine, or `undefined` where `/proc/cpuinfo` cannot be read (not Linux). */
export function machineVectorExtensions(): string[] | undefined {
  try {
    return vectorExtensions(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return undefined;
  }
}
