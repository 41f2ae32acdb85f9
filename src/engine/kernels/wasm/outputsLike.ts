import type { tf } from '../../tf.js';
import type { WasmHeapBackend } from './wasmHeapModule.js';

/** New float32 outputs shaped like `like`, allocated before any heap offset is taken (an allocation may grow the heap). */
export const outputsLike = (backend: WasmHeapBackend, like: tf.TensorInfo, count: number) =>
  Array.from({ length: count }, () => backend.makeOutput([...like.shape], 'float32') as tf.TensorInfo);
