import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { shareStorage, type RefCountingBackend } from './shareStorage.js';
import { stockKernel } from '../util/stockKernel.js';

/** The stock wasm `Identity`, captured when this module loads: it keeps the cases ours leaves to it. */
const stockIdentity = tf.getKernel(tf.Identity, 'wasm');

/**
 * `Identity` for the wasm backend sharing the input's storage instead of copying it, as the `cpu`
 * backend's does. tfjs clones (`Identity`) every tensor a kernel saves for the backward pass, so the
 * stock kernel copied each activation once more per training step. Tensors are immutable and
 * storage is reference-counted, so sharing gives the same values.
 */
function identity(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  if (x.dtype === 'string') return stockKernel(stockIdentity, tf.Identity, 'wasm').kernelFunc(args as never) as tf.TensorInfo;
  return shareStorage(x, args.backend as RefCountingBackend);
}

/** Kernel config registered by `registerWasmKernels`. */
export const identityConfig: tf.KernelConfig = {
  kernelName: tf.Identity,
  backendName: 'wasm',
  kernelFunc: identity as unknown as tf.KernelFunc,
};
