import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { EnsembleConv2D, type EnsembleConv2DAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { memberConvInfo } from '../util/forwardConvInfo.js';
import { runConvGemm } from './runConvGemm.js';

/** `EnsembleConv2DBackpropFilter` (`kernelNames.ts`) on webgpu: every member's filter-gradient GEMM (split over K as alone) in one dispatch, and one chunk sum. */
function ensembleConv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const attrs = args.attrs as unknown as EnsembleConv2DAttrs;
  const { info, members } = memberConvInfo(EnsembleConv2D.filterGrad, attrs);
  return runConvGemm(args.backend as WebGPUBackend, 'filterGradient', info, [x, dy], attrs.filterShape, members);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const ensembleConv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: EnsembleConv2D.filterGrad,
  backendName: 'webgpu',
  kernelFunc: ensembleConv2dBackpropFilter as unknown as tf.KernelFunc,
};
