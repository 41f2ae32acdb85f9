import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runHeapKernel } from './runHeapKernel.js';
import { heapOffset, type WasmHeapBackend } from './wasmHeapModule.js';

/** The part of the wasm backend this kernel uses: heap views of tensors and output allocation. */
interface HeapViewBackend extends WasmHeapBackend {
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
 * accumulate. VGG's disjoint 2×2 stride-2 pools run in this project's SIMD kernel
 * (`assembly/maxPoolGrad.ts`), which writes each position once; other pools in JavaScript over the
 * wasm heap (one pass over the input).
 */
function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const backend = args.backend as HeapViewBackend;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const dx = backend.makeOutput([...input.shape], 'float32') as tf.TensorInfo;
  if (isTiled2x2(info)) {
    const [n, h, w, c] = input.shape;
    runHeapKernel('maxPoolGrad2x2', backend, [
      heapOffset(backend, input),
      heapOffset(backend, dy),
      heapOffset(backend, dx),
      n,
      h,
      w,
      c,
      dy.shape[1],
      dy.shape[2],
    ]);
    return dx;
  }
  // views are taken after the allocation above, which may grow (and detach) the heap
  routeOverlapping(info, { x: backend.typedArrayFromHeap(input), grad: backend.typedArrayFromHeap(dy), out: backend.typedArrayFromHeap(dx) });
  return dx;
}

/** Input, output gradient and input gradient as views of the wasm heap. */
interface HeapViews {
  readonly x: Float32Array;
  readonly grad: Float32Array;
  readonly out: Float32Array;
}

/** Whether the pools are VGG's: disjoint 2×2 windows with stride 2 inside the input. */
function isTiled2x2(info: tf.backend_util.Conv2DInfo): boolean {
  const shape = info.filterHeight === 2 && info.filterWidth === 2 && info.strideHeight === 2 && info.strideWidth === 2;
  const inside = info.padInfo.top === 0 && info.padInfo.left === 0 && 2 * info.outHeight <= info.inHeight && 2 * info.outWidth <= info.inWidth;
  return shape && inside;
}

/** Any windows (overlapping, padded): zero-fill, then accumulate each output gradient at its window's maximum. */
function routeOverlapping(info: tf.backend_util.Conv2DInfo, { x, grad, out }: HeapViews): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
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
}

/** Kernel config registered by `registerWasmKernels`. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
