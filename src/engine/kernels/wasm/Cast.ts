import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { shareStorage, type RefCountingBackend } from './shareStorage.js';
import { stockKernel } from '../util/stockKernel.js';

/** The stock wasm `Cast`, captured when this module loads: it keeps the cases ours leaves to it. */
const stockCast = tf.getKernel(tf.Cast, 'wasm');

/** `Cast` for the wasm backend: to the tensor's own dtype (ReLU's gradient casts its step to float32) it shares storage; otherwise the stock copy. */
function cast(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { dtype } = args.attrs as unknown as tf.CastAttrs;
  if (dtype === x.dtype && dtype !== 'string') return shareStorage(x, args.backend as RefCountingBackend);
  return stockKernel(stockCast, tf.Cast, 'wasm').kernelFunc(args as never) as tf.TensorInfo;
}

/** Kernel config registered by `registerWasmKernels`. */
export const castConfig: tf.KernelConfig = {
  kernelName: tf.Cast,
  backendName: 'wasm',
  kernelFunc: cast as unknown as tf.KernelFunc,
};
