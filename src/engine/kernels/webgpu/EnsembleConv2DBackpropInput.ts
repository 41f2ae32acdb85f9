import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { EnsembleConv2D, type EnsembleConv2DAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { memberConvInfo } from '../util/forwardConvInfo.js';
import { runConvGemm } from './runConvGemm.js';

/** `EnsembleConv2DBackpropInput` (`kernelNames.ts`) on webgpu: every member's input-gradient GEMM in one dispatch. */
function ensembleConv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = args.inputs as Record<'dy' | 'filter', tf.TensorInfo>;
  const attrs = args.attrs as unknown as EnsembleConv2DAttrs;
  const { info, members } = memberConvInfo(EnsembleConv2D.inputGrad, attrs);
  return runConvGemm(args.backend as WebGPUBackend, 'inputGradient', info, [dy, filter], attrs.inputShape, members);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const ensembleConv2DBackpropInputConfig: tf.KernelConfig = {
  kernelName: EnsembleConv2D.inputGrad,
  backendName: 'webgpu',
  kernelFunc: ensembleConv2dBackpropInput as unknown as tf.KernelFunc,
};
