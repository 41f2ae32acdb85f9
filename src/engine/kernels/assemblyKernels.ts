import { setFlagsFromString } from 'node:v8';
import type { tf } from '../tf.js';
import { nativeKernelNames, nativeKernelsFor, type NativeKernelName } from './nativeKernels.js';
import { backendMemory, heapOffset, WasmHeapModule, type WasmHeapBackend } from './wasmHeapModule.js';

/**
 * The geometry both convolution kernels take after the three heap offsets: batch, input height,
 * width and channels, output height, width and channels, kernel height and width, strides, and the
 * padding before the first row and column.
 */
export type ConvGeometry = [
  n: number,
  h: number,
  w: number,
  ci: number,
  oh: number,
  ow: number,
  co: number,
  kh: number,
  kw: number,
  sh: number,
  sw: number,
  pt: number,
  pl: number,
];

/** The exports of this project's kernel module (`assembly/`, `npm run build:kernels`). */
export interface AssemblyKernels {
  /** `out = conv(x, w)`, NHWC × HWIO → NHWC, then eval-mode batch norm (and ReLU) unless `scale` is 0 (`runConvKernel.ts`). */
  conv2d(x: number, w: number, out: number, ...geometryAndEpilogue: [...ConvGeometry, negMean: number, scale: number, offset: number, relu: number]): void;
  /** `dW = ∂/∂w` of that convolution given `dy`, HWIO. */
  conv2dFilterGradient(x: number, dy: number, dW: number, ...geometry: ConvGeometry): void;
  /** `out[o, i]` = the mean of `x[o, :, i]` for `x` viewed as `[outer, reduce, inner]`. */
  meanMiddleAxes(x: number, out: number, outer: number, reduce: number, inner: number): void;
  /** `dx` of a 2×2, stride-2 max pool whose windows lie inside `x`. */
  maxPoolGrad2x2(x: number, dy: number, dx: number, n: number, h: number, w: number, c: number, oh: number, ow: number): void;
  /** The passes of train-mode batch norm (`assembly/batchNormTrain.ts`, `assembly/channelMeans.ts`): heap offsets, then sizes, channels and flags. */
  batchNormMean(...operands: number[]): void;
  batchNormCentreVariance(...operands: number[]): void;
  batchNormNormalise(...operands: number[]): void;
  batchNormGradMeans(...operands: number[]): void;
  batchNormInputGrad(...operands: number[]): void;
  /** One variable's update by SGD with momentum or Adam (`assembly/optimizerSteps.ts`): heap offsets, then the value count and the scalars. */
  sgdStep(...operands: number[]): void;
  adamStep(...operands: number[]): void;
  /** 1 when the build's multiply-adds round once, given `a` = 1 + 2⁻¹² and `c` = −(1 + 2⁻¹¹). */
  maddRoundsOnce(a: number, c: number): number;
}

/**
 * The two builds of the kernels, which run on the wasm backend's heap: `kernels.wasm` (SIMD, a
 * product and a sum per multiply-add) and `kernels-fma.wasm` (relaxed SIMD: one fused multiply-add,
 * other rounding; `GST_WASM_FMA=1`).
 */
const builds = {
  separate: new WasmHeapModule<AssemblyKernels>(new URL('./assembly/kernels.wasm', import.meta.url)),
  fused: new WasmHeapModule<AssemblyKernels>(new URL('./assembly/kernels-fma.wasm', import.meta.url)),
};

let assemblyKernels = builds.separate;
let fusedMultiplyAdds = false;

/**
 * Makes the kernels use fused multiply-adds (the `fma` build) or not, for every later kernel call
 * in this process. The fused build needs V8's relaxed SIMD (set here: Node 20 has it behind
 * `--experimental-wasm-relaxed-simd`) and a processor that fuses them (x86 FMA3, ARM NEON): where
 * it would round twice, that is an error, since its results would differ from the fused ones'.
 *
 * @example
 * ```ts
 * useFusedMultiplyAdds(true, backend); // the convolutions now run relaxed_madd
 * ```
 */
export function useFusedMultiplyAdds(fused: boolean, backend: unknown): void {
  if (fused) {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
    if (builds.fused.on(backend as WasmHeapBackend).maddRoundsOnce(1 + 2 ** -12, -(1 + 2 ** -11)) !== 1) {
      throw new Error('GST_WASM_FMA=1: this processor rounds relaxed-SIMD multiply-adds twice (no fused multiply-add); unset GST_WASM_FMA');
    }
  }
  assemblyKernels = fused ? builds.fused : builds.separate;
  fusedMultiplyAdds = fused;
}

/**
 * Runs kernel `name` on the wasm backend's heap with `args` (heap offsets, then sizes and flags): as
 * native code where `useNativeKernels` chose an instruction set and the native module has it (same
 * bits), else in the build in use ({@link useFusedMultiplyAdds}).
 *
 * @example
 * ```ts
 * runKernel('batchNormMean', backend, [heapOffset(backend, x), heapOffset(backend, mean), images, pixelsPerImage, channels]);
 * ```
 */
export function runKernel(name: HeapKernelName, backend: unknown, args: readonly number[]): void {
  const heap = backend as WasmHeapBackend;
  const native = nativeKernelsFor(fusedMultiplyAdds);
  if (native !== undefined && isNativeKernel(name)) native[name](backendMemory(heap, name).buffer, ...args);
  else (assemblyKernels.on(heap)[name] as (...operands: number[]) => void)(...args);
}

/** The kernels {@link runKernel} runs: every export of the module but its probe. */
export type HeapKernelName = Exclude<keyof AssemblyKernels, 'maddRoundsOnce'>;

const isNativeKernel = (name: HeapKernelName): name is NativeKernelName => (nativeKernelNames as readonly string[]).includes(name);

/**
 * The gradient of a 2×2, stride-2 max pool whose windows lie inside its input (`input` [n,h,w,c],
 * `dy` [n,oh,ow,c]) by the module's kernel ({@link runKernel}), as a new float32 tensor shaped like `input`.
 *
 * @example
 * ```ts
 * const dx = runMaxPoolGrad2x2(backend, input, dy);
 * ```
 */
export function runMaxPoolGrad2x2(backend: unknown, input: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo {
  const heap = backend as WasmHeapBackend;
  const out = heap.makeOutput([...input.shape], 'float32');
  const [n, h, w, c] = input.shape;
  runKernel('maxPoolGrad2x2', heap, [heapOffset(heap, input), heapOffset(heap, dy), heapOffset(heap, out), n, h, w, c, dy.shape[1], dy.shape[2]]);
  return out as tf.TensorInfo;
}

/**
 * The mean over the middle axis of `x` viewed as `[outer, reduce, inner]` by the module's kernel ({@link runKernel}),
 * as a new float32 tensor of `outShape` (`outer · inner` values).
 *
 * @example
 * ```ts
 * const pooled = runMeanMiddleAxes(backend, x, [n, c], { outer: n, reduce: h * w, inner: c }); // NHWC global average pool
 * ```
 */
export function runMeanMiddleAxes(
  backend: unknown,
  x: tf.TensorInfo,
  outShape: readonly number[],
  view: { outer: number; reduce: number; inner: number },
): tf.TensorInfo {
  const heap = backend as WasmHeapBackend;
  const out = heap.makeOutput([...outShape], 'float32');
  runKernel('meanMiddleAxes', heap, [heapOffset(heap, x), heapOffset(heap, out), view.outer, view.reduce, view.inner]);
  return out as tf.TensorInfo;
}
