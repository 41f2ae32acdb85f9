import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanConfig } from '../../../../src/engine/kernels/wasm/Mean.js';
import { registerWasmKernels, replacedStockKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { useKernel } from '../../../../src/engine/kernels/util/useKernel.js';
import { tf } from '../../../../src/engine/tf.js';

/** The float32 values' bits, so that every rounding (and −0 against +0) counts. */
const bits = (t: tf.Tensor) => Array.from(new Uint32Array((t.dataSync() as Float32Array).slice().buffer));

/** `tf.mean` with the stock wasm kernel registered instead of ours. */
function stockMean(x: tf.Tensor, axis: number[], keepDims: boolean): tf.Tensor {
  useKernel(replacedStockKernels.get(tf.Mean) as tf.KernelConfig);
  try {
    return tf.mean(x, axis, keepDims);
  } finally {
    useKernel(meanConfig);
  }
}

describe('Mean on wasm (contiguous axes read in place, no transpose)', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('is bit-identical to the stock kernel for any rank 1–4 shape, any contiguous run of axes (negative ones too), with and without keepDims', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 19 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000 }),
        (shape, from, length, negative, keepDims, seed) => {
          const first = from % shape.length;
          const last = first + (length % (shape.length - first));
          const axes = Array.from({ length: last - first + 1 }, (_, i) => (negative ? first + i - shape.length : first + i));
          // mixed signs and magnitudes, so that the order of the additions shows in the last bits
          const x = tf.mul(tf.randomNormal(shape, 0, 1, 'float32', seed), tf.exp(tf.randomNormal(shape, 0, 3, 'float32', seed + 1)));
          const ours = tf.mean(x, axes, keepDims);
          const stock = stockMean(x, axes, keepDims);
          expect(ours.shape).toEqual(stock.shape);
          expect(bits(ours)).toEqual(bits(stock));
          tf.dispose([x, ours, stock]);
        },
      ),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('takes the global average pool of an NHWC activation (the heads) and a mean over the batch (batch norm) in this kernel, and leaves other cases to the stock one', () => {
    const x = tf.randomNormal([3, 4, 4, 20], 0, 1, 'float32', 9);
    expect(bits(tf.mean(x, [1, 2]))).toEqual(bits(stockMean(x, [1, 2], false)));
    const perImage = tf.randomNormal([7, 37], 0, 1, 'float32', 10);
    expect(bits(tf.mean(perImage, 0))).toEqual(bits(stockMean(perImage, [0], false)));
    // non-contiguous axes, innermost axes and integer tensors: the stock kernel's results
    expect(bits(tf.mean(x, [0, 2]))).toEqual(bits(stockMean(x, [0, 2], false)));
    expect(bits(tf.mean(x, [3]))).toEqual(bits(stockMean(x, [3], false)));
    expect(Array.from(tf.mean(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0).dataSync())).toEqual([2, 3]);
    tf.dispose([x, perImage]);
  });
});
