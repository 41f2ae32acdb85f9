import { tf } from '../../tf.js';
import { ConvBatchNormInference, type ConvBatchNormInferenceAttrs } from '../kernelNames.js';
import { forwardConvInfo } from '../util/forwardConvInfo.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { runConvKernel } from './runConvKernel.js';

/**
 * `ConvBatchNormInference` (`kernelNames.ts`) on wasm: this project's SIMD convolution with the batch norm (and ReLU) applied to each
 * output row while it is in cache (`assembly/conv2d.ts`), instead of two 1×1 depthwise convolutions
 * and a clamp over the whole activation. Bit-identical to those ops for finite values.
 */
function convBatchNormInference(args: KernelArgs): tf.TensorInfo {
  const { x, filter, negMean, scale, offset } = args.inputs as Record<'x' | 'filter' | 'negMean' | 'scale' | 'offset', tf.TensorInfo>;
  const { strides, pad, relu } = args.attrs as unknown as ConvBatchNormInferenceAttrs;
  const info = forwardConvInfo(ConvBatchNormInference, x.shape, filter.shape, { strides, pad });
  return runConvKernel('conv2d', args.backend, x, filter, info.outShape, info, { negMean, scale, offset, relu });
}

/** Kernel config registered by `registerWasmKernels`. */
export const convBatchNormInferenceConfig: tf.KernelConfig = {
  kernelName: ConvBatchNormInference,
  backendName: 'wasm',
  kernelFunc: convBatchNormInference as unknown as tf.KernelFunc,
};
