import type { tf } from '../../tf.js';

/** What tfjs passes a kernel function: its inputs by name, its attributes, and the backend. */
export interface KernelArgs {
  readonly inputs: tf.NamedTensorInfoMap;
  readonly attrs?: tf.NamedAttrMap;
  readonly backend: unknown;
}
