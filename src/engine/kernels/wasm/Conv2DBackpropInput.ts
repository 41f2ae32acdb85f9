import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { forwardConvInfo } from '../util/forwardConvInfo.js';
import { conv2dWithSignedPadding } from './conv2dWithSignedPadding.js';
import { WasmKernelScope, type WasmBackendLike } from './wasmKernelScope.js';

/** The part of the wasm backend {@link flippedFilter} uses: output allocation and heap views. */
interface WasmHeapBackend extends WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

/**
 * The filter `[kh, kw, ci, co]` flipped along both spatial axes, with input and output channels
 * swapped: `[kh, kw, co, ci]`, the values of `Transpose(Reverse(filter, [0, 1]), [0, 1, 3, 2])` in one
 * pass over the heap, copied as bits (the stock wasm `Reverse` took 3 ms for the 64 → 128 filter of
 * the `mini` net, longer than its convolution).
 */
function flippedFilter(backend: WasmHeapBackend, filter: tf.TensorInfo): tf.TensorInfo {
  const [kh, kw, ci, co] = filter.shape;
  const out = backend.makeOutput([kh, kw, co, ci], 'float32');
  // views are taken after the allocation above, which may grow (and detach) the heap
  const bitsOf = (info: tf.TensorInfo) => {
    const view = backend.typedArrayFromHeap(info);
    return new Uint32Array(view.buffer, view.byteOffset, view.length);
  };
  const from = bitsOf(filter);
  const to = bitsOf(out);
  const block = ci * co;
  for (let tap = 0; tap < kh * kw; tap++) {
    const source = tap * block;
    const target = (kh * kw - 1 - tap) * block; // (kh−1−i, kw−1−j) is tap kh·kw−1−tap
    for (let c = 0; c < ci; c++) {
      for (let o = 0; o < co; o++) to[target + o * ci + c] = from[source + c * co + o];
    }
  }
  return out;
}

/**
 * `Conv2DBackpropInput` for the wasm backend, replacing tfjs 4.22's slow scalar loop.
 *
 * The input gradient is the "full" convolution of the output gradient with the spatially flipped,
 * in/out-swapped filter. For stride `s > 1` the output gradient is first dilated by inserting
 * `s − 1` zeros between its pixels (a reshape and a pad), then convolved with stride 1 and padding
 * `k − 1 − pad` before (and whatever makes the output `H × W` after). The convolution is the
 * registered wasm `Conv2D`, i.e. this project's SIMD kernel (`conv2dWasm.ts`).
 */
function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = forwardConvInfo('Conv2DBackpropInput', attrs.inputShape, filter.shape, attrs);
  const scope = new WasmKernelScope(args.backend as WasmBackendLike);
  const swapped = scope.track(flippedFilter(args.backend as WasmHeapBackend, filter));
  const sh = info.strideHeight;
  const sw = info.strideWidth;
  const [n, oh, ow, co] = dy.shape;
  let dilated = dy;
  if (sh > 1 || sw > 1) {
    const spread = scope.run('Reshape', { x: dy }, { shape: [n, oh, 1, ow, 1, co] });
    const padded = scope.run(
      'PadV2',
      { x: spread },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, sh - 1],
          [0, 0],
          [0, sw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    dilated = scope.run('Reshape', { x: padded }, { shape: [n, oh * sh, ow * sw, co] });
  }
  const before = (k: number, p: number) => k - 1 - p;
  const out = conv2dWithSignedPadding({
    scope,
    x: dilated,
    filter: swapped,
    dilations: [1, 1],
    padH: [before(info.filterHeight, info.padInfo.top), info.inHeight - dilated.shape[1] + info.padInfo.top],
    padW: [before(info.filterWidth, info.padInfo.left), info.inWidth - dilated.shape[2] + info.padInfo.left],
  });
  return scope.finish(out);
}

/** Kernel config registered by `registerWasmKernels`. */
export const conv2DBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
