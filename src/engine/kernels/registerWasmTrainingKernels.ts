import { tf } from '../tf.js';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm.js';
import { conv2dBackpropInputWasmConfig } from './conv2dBackpropInputWasm.js';

/** The kernels this project adds to (or replaces in) tfjs-backend-wasm so it can train conv nets. */
export const wasmTrainingKernels: readonly tf.KernelConfig[] = [
  conv2dBackpropFilterWasmConfig,
  conv2dBackpropInputWasmConfig,
];

/**
 * Registers {@link wasmTrainingKernels} for the wasm backend, replacing any stock kernel of the
 * same name. Idempotent.
 *
 * @example
 * ```ts
 * registerWasmTrainingKernels();
 * tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined; // true
 * ```
 */
export function registerWasmTrainingKernels(): void {
  for (const config of wasmTrainingKernels) {
    const existing = tf.getKernel(config.kernelName, config.backendName);
    if (existing?.kernelFunc === config.kernelFunc) continue;
    if (existing !== undefined) tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
}
