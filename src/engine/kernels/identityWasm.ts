import { tf } from '../tf.js';
import type { KernelArgs } from './wasmKernelScope.js';

/** The part of the wasm backend these kernels use: reference counting of tensor storage. */
interface RefCountingBackend {
  incRef(dataId: object): void;
}

/** The stock wasm kernels, captured when this module loads (before any replacement is registered). */
const stockKernels = new Map([tf.Identity, tf.Cast].map((name) => [name, tf.getKernel(name, 'wasm')]));

function stockKernel(name: string): tf.KernelConfig {
  const kernel = stockKernels.get(name);
  if (kernel === undefined) throw new Error(`stock wasm kernel '${name}' is not registered; @tensorflow/tfjs-backend-wasm must be imported first`);
  return kernel;
}

/** A new tensor on `x`'s storage (one more reference to it), as wasm's own `Reshape` does. */
function share(x: tf.TensorInfo, backend: RefCountingBackend): tf.TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * `Identity` for the wasm backend sharing the input's storage instead of copying it, as the `cpu`
 * backend's does. tfjs clones (`Identity`) every tensor a kernel saves for the backward pass, so the
 * stock kernel copied each activation once more per training step. Tensors are immutable and
 * storage is reference-counted, so sharing gives the same values.
 */
function identity(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  if (x.dtype === 'string') return stockKernel(tf.Identity).kernelFunc(args as never) as tf.TensorInfo;
  return share(x, args.backend as RefCountingBackend);
}

/** `Cast` for the wasm backend: to the tensor's own dtype (ReLU's gradient casts its step to float32) it shares storage; otherwise the stock copy. */
function cast(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { dtype } = args.attrs as unknown as tf.CastAttrs;
  if (dtype === x.dtype && dtype !== 'string') return share(x, args.backend as RefCountingBackend);
  return stockKernel(tf.Cast).kernelFunc(args as never) as tf.TensorInfo;
}

/** Kernel configs registered by {@link registerWasmTrainingKernels}. */
export const identityWasmConfig: tf.KernelConfig = {
  kernelName: tf.Identity,
  backendName: 'wasm',
  kernelFunc: identity as unknown as tf.KernelFunc,
};

export const castWasmConfig: tf.KernelConfig = {
  kernelName: tf.Cast,
  backendName: 'wasm',
  kernelFunc: cast as unknown as tf.KernelFunc,
};
