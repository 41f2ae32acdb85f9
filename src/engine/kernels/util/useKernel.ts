import { tf } from '../../tf.js';

/**
 * Makes `config` the registered kernel for its name and backend; returns the one it replaced.
 * Tests and the benchmark use it to put a stock kernel back for a comparison.
 */
export function useKernel(config: tf.KernelConfig): tf.KernelConfig | undefined {
  const existing = tf.getKernel(config.kernelName, config.backendName);
  if (existing?.kernelFunc === config.kernelFunc) return existing;
  if (existing !== undefined) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
  // tfjs runs a kernel's setup when its backend starts; a kernel registered later needs it now. The
  // registry holds started backends only: tf.findBackend would start one (asynchronously, once per call).
  const backend = tf.engine().registry[config.backendName] as tf.KernelBackend | undefined;
  if (backend !== undefined) config.setupFunc?.(backend);
  return existing;
}
