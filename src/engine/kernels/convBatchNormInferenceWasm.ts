import { tf } from '../tf.js';
import { runConvKernel } from './runConvKernel.js';
import { forwardConvInfo } from './signedPadding.js';
import type { KernelArgs } from './wasmKernelScope.js';

/**
 * Name of this project's eval-mode conv → batch norm (→ ReLU) kernel: inputs `x` (NHWC), `filter`
 * (HWIO), the per-channel `negMean` (−μ), `scale` (γσ⁻¹) and `offset` (β); attributes `strides`,
 * `pad` and `relu`. Registered for wasm only; other backends run the separate ops.
 */
export const convBatchNormInferenceKernel = 'ConvBatchNormInference';

/** The attributes of {@link convBatchNormInferenceKernel}. */
export interface ConvBatchNormInferenceAttrs {
  readonly strides: number;
  readonly pad: 'same' | 'valid';
  readonly relu: boolean;
}

/**
 * The kernel on wasm: this project's SIMD convolution with the batch norm (and ReLU) applied to each
 * output row while it is in cache (`assembly/conv2d.ts`), instead of two 1×1 depthwise convolutions
 * and a clamp over the whole activation. Bit-identical to those ops for finite values.
 */
function convBatchNormInference(args: KernelArgs): tf.TensorInfo {
  const { x, filter, negMean, scale, offset } = args.inputs as Record<'x' | 'filter' | 'negMean' | 'scale' | 'offset', tf.TensorInfo>;
  const { strides, pad, relu } = args.attrs as unknown as ConvBatchNormInferenceAttrs;
  const info = forwardConvInfo(convBatchNormInferenceKernel, x.shape, filter.shape, { strides, pad });
  return runConvKernel('conv2d', args.backend, x, filter, info.outShape, info, { negMean, scale, offset, relu });
}

/** Kernel config registered by `registerWasmTrainingKernels`. */
export const convBatchNormInferenceWasmConfig: tf.KernelConfig = {
  kernelName: convBatchNormInferenceKernel,
  backendName: 'wasm',
  kernelFunc: convBatchNormInference as unknown as tf.KernelFunc,
};
