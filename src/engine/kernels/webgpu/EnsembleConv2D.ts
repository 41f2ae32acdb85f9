import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { EnsembleConv2D, type EnsembleConv2DAttrs } from '../kernelNames.js';
import type { KernelArgs } from '../util/kernelArgs.js';
import { memberConvInfo } from '../util/forwardConvInfo.js';
import { runConvGemm } from './runConvGemm.js';

/** `EnsembleConv2D` (`kernelNames.ts`) on webgpu: every member's `Conv2D` GEMM in one dispatch, each as it runs alone. */
function ensembleConv2d(args: KernelArgs): tf.TensorInfo {
  const { x, filter } = args.inputs as Record<'x' | 'filter', tf.TensorInfo>;
  const { info, members } = memberConvInfo(EnsembleConv2D.forward, args.attrs as unknown as EnsembleConv2DAttrs);
  const [batch, ...rest] = info.outShape;
  return runConvGemm(args.backend as WebGPUBackend, 'forward', info, [x, filter], [members * batch, ...rest], members);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const ensembleConv2DConfig: tf.KernelConfig = {
  kernelName: EnsembleConv2D.forward,
  backendName: 'webgpu',
  kernelFunc: ensembleConv2d as unknown as tf.KernelFunc,
};
