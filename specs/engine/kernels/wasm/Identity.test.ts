import { describe, expect, it } from 'vitest';
import { registerWasmKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { tf } from '../../../../src/engine/tf.js';

describe('Identity and Cast on wasm', () => {
  it('Identity and same-dtype Cast on wasm share storage (no copy) and keep values after the source is disposed; other casts convert', async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
    const x = tf.tensor([1.5, -2, 3], [3]);
    const before = tf.memory().numDataBuffers;
    const copies = [tf.clone(x), tf.cast(x, 'float32')];
    expect(tf.memory().numDataBuffers).toBe(before);
    x.dispose();
    for (const c of copies) expect(Array.from(c.dataSync())).toEqual([1.5, -2, 3]);
    const asInt = tf.cast(copies[0], 'int32');
    expect(asInt.dtype).toBe('int32');
    expect(Array.from(asInt.dataSync())).toEqual([1, -2, 3]);
    tf.dispose([...copies, asInt]);
  });
});
