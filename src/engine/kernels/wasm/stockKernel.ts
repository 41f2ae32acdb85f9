import type { tf } from '../../tf.js';

/** `stock`, the stock wasm kernel `name` captured before this project's replaced it; an error where tfjs-backend-wasm was not imported first. */
export function stockKernel(stock: tf.KernelConfig | undefined, name: string): tf.KernelConfig {
  if (stock === undefined) throw new Error(`stock wasm kernel '${name}' is not registered; @tensorflow/tfjs-backend-wasm must be imported first`);
  return stock;
}
