import type { tf } from '../../tf.js';

/** The part of the wasm backend `shareStorage` uses: reference counting of tensor storage. */
export interface RefCountingBackend {
  incRef(dataId: object): void;
}

/** A new tensor on `x`'s storage (one more reference to it), as wasm's own `Reshape` does. */
export function shareStorage(x: tf.TensorInfo, backend: RefCountingBackend): tf.TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}
