import type { tf } from '../../tf.js';

/**
 * `stock`, the stock kernel `name` of `backendName` captured before this project's replaced it; an
 * error where that backend's package was not imported first.
 */
export function stockKernel(stock: tf.KernelConfig | undefined, name: string, backendName: 'wasm' | 'webgpu'): tf.KernelConfig {
  if (stock === undefined) {
    throw new Error(`stock ${backendName} kernel '${name}' is not registered; @tensorflow/tfjs-backend-${backendName} must be imported first`);
  }
  return stock;
}
