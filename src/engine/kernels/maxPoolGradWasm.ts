import { tf } from '../tf.js';

/** The part of the wasm backend this kernel uses: heap views of tensors and output allocation. */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

/**
 * `MaxPoolGrad` for the wasm backend, replacing the stock kernel (5–7× slower on the pools VGG
 * uses, and wrong for windows whose values are all negative: it starts each window's maximum at 0,
 * so their gradient never reaches their maximum).
 *
 * Each output gradient goes to the position of its window's maximum; on ties, to the last
 * maximum in row-major window order, the stock kernel's choice, so that training after a ReLU
 * (inputs ≥ 0) gives bit-identical weights to the stock kernel (tested); overlapping windows
 * accumulate. It reads and writes the wasm heap directly from JavaScript: one pass over the
 * input, channels innermost.
 */
function maxPoolGrad(args: { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown }): tf.TensorInfo {
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const backend = args.backend as WasmHeapBackend;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const dx = backend.makeOutput([...input.shape], 'float32');
  // views are taken after the allocation above, which may grow (and detach) the heap
  const x = backend.typedArrayFromHeap(input);
  const grad = backend.typedArrayFromHeap(dy);
  const out = backend.typedArrayFromHeap(dx);
  out.fill(0);
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  let d = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const rowStart = oh * strideHeight - info.padInfo.top;
      for (let ow = 0; ow < outWidth; ow++, d += channels) {
        const colStart = ow * strideWidth - info.padInfo.left;
        best.fill(-Infinity);
        at.fill(-1);
        for (let r = Math.max(0, rowStart); r < Math.min(inHeight, rowStart + filterHeight); r++) {
          for (let q = Math.max(0, colStart); q < Math.min(inWidth, colStart + filterWidth); q++) {
            const base = ((b * inHeight + r) * inWidth + q) * channels;
            for (let ch = 0; ch < channels; ch++) {
              const v = x[base + ch];
              if (v >= best[ch]) {
                best[ch] = v;
                at[ch] = base + ch;
              }
            }
          }
        }
        for (let ch = 0; ch < channels; ch++) if (at[ch] >= 0) out[at[ch]] += grad[d + ch];
      }
    }
  }
  return dx;
}

/** Kernel config registered by {@link registerWasmTrainingKernels}. */
export const maxPoolGradWasmConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
