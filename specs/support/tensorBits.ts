import type { tf } from '../../src/engine/tf.js';

/** A float32 tensor's values as bits, so that −0 and +0 (and every rounding) count as different. */
export const tensorBits = (t: tf.Tensor): number[] => Array.from(new Uint32Array((t.dataSync() as Float32Array).slice().buffer));
