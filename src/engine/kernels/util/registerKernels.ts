import type { tf } from '../../tf.js';
import { useKernel } from './useKernel.js';

/**
 * Registers a backend's kernel configs, replacing any stock kernel of the same name, and records each
 * replaced stock kernel once in `replaced` (for comparisons and the benchmark). Idempotent.
 */
export function registerKernels(configs: readonly tf.KernelConfig[], replaced: Map<string, tf.KernelConfig>): void {
  for (const config of configs) {
    const existing = useKernel(config);
    if (existing !== undefined && existing.kernelFunc !== config.kernelFunc && !replaced.has(config.kernelName)) replaced.set(config.kernelName, existing);
  }
}
