import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { forwardConvInfo } from '../util/forwardConvInfo.js';
import { runConvKernel } from './runConvKernel.js';

/**
 * `Conv2DBackpropFilter` for the wasm backend, which tfjs 4.22 does not ship:
 * `dW[kh,kw,ci,co] = Σ_{n,oh,ow} x[n, oh·s+kh−pt, ow·s+kw−pl, ci] · dy[n,oh,ow,co]`.
 *
 * A SIMD kernel of this project (AssemblyScript, see `assembly/conv2dFilterGradient.ts`) computes
 * it on the backend's heap, reading `x` and `dy` where they lie. The formulations over tfjs' own
 * kernels (a convolution with the batch as channels) were 2–3× slower: XNNPACK packs that
 * convolution's filter, as large as `dy`, anew on every call, and the batch-as-channels layout
 * costs three transposes.
 */
function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const info = forwardConvInfo('Conv2DBackpropFilter', x.shape, attrs.filterShape, attrs);
  return runConvKernel('conv2dFilterGradient', args.backend, x, dy, attrs.filterShape, info);
}

/** Kernel config registered by `registerWasmKernels`. */
export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
