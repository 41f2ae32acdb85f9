import { tf } from '../tf.js';
import { batchNormTrainWasmConfigs } from './batchNormTrainWasm.js';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm.js';
import { conv2dBackpropInputWasmConfig } from './conv2dBackpropInputWasm.js';
import { conv2dWasmConfig } from './conv2dWasm.js';
import { convBatchNormInferenceWasmConfig } from './convBatchNormInferenceWasm.js';
import { castWasmConfig, identityWasmConfig } from './identityWasm.js';
import { maxPoolGradWasmConfig } from './maxPoolGradWasm.js';
import { meanWasmConfig } from './meanWasm.js';
import { optimizerStepWasmConfigs } from './optimizerStepsWasm.js';

/** The kernels this project adds to (or replaces in) tfjs-backend-wasm so it can train and evaluate conv nets, fast. */
export const wasmTrainingKernels: readonly tf.KernelConfig[] = [
  conv2dWasmConfig,
  conv2dBackpropFilterWasmConfig,
  conv2dBackpropInputWasmConfig,
  maxPoolGradWasmConfig,
  identityWasmConfig,
  castWasmConfig,
  convBatchNormInferenceWasmConfig,
  meanWasmConfig,
  ...batchNormTrainWasmConfigs,
  ...optimizerStepWasmConfigs,
];

/** Stock wasm kernels that {@link registerWasmTrainingKernels} replaced, by kernel name (for comparisons and `npm run bench`). */
export const replacedStockKernels = new Map<string, tf.KernelConfig>();

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
    const existing = useKernel(config);
    if (existing !== undefined && existing.kernelFunc !== config.kernelFunc && !replacedStockKernels.has(config.kernelName)) {
      replacedStockKernels.set(config.kernelName, existing);
    }
  }
}

/**
 * Makes `config` the registered kernel for its name and backend; returns the one it replaced.
 * Tests and the benchmark use it to put a stock kernel back for a comparison.
 */
export function useKernel(config: tf.KernelConfig): tf.KernelConfig | undefined {
  const existing = tf.getKernel(config.kernelName, config.backendName);
  if (existing?.kernelFunc === config.kernelFunc) return existing;
  if (existing !== undefined) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
  // tfjs runs a kernel's setup when its backend starts; a kernel registered later needs it now
  const backend = tf.findBackend(config.backendName);
  if (backend !== null) config.setupFunc?.(backend);
  return existing;
}
