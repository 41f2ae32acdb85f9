import type { tf } from '../../tf.js';
import { registerKernels } from '../util/registerKernels.js';
import { adamStepConfig } from './AdamStep.js';
import { batchNormTrainCentreVarianceConfig } from './BatchNormTrainCentreVariance.js';
import { batchNormTrainGradMeansConfig } from './BatchNormTrainGradMeans.js';
import { batchNormTrainInputGradConfig } from './BatchNormTrainInputGrad.js';
import { batchNormTrainMeanConfig } from './BatchNormTrainMean.js';
import { batchNormTrainNormaliseConfig } from './BatchNormTrainNormalise.js';
import { conv2DConfig } from './Conv2D.js';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { conv2DBackpropInputConfig } from './Conv2DBackpropInput.js';
import { denseConfig } from './Dense.js';
import { denseBackpropInputConfig } from './DenseBackpropInput.js';
import { denseBackpropWeightConfig } from './DenseBackpropWeight.js';
import { ensembleConv2DConfig } from './EnsembleConv2D.js';
import { ensembleConv2DBackpropFilterConfig } from './EnsembleConv2DBackpropFilter.js';
import { ensembleConv2DBackpropInputConfig } from './EnsembleConv2DBackpropInput.js';
import { maxPoolGradConfig } from './MaxPoolGrad.js';
import { sgdStepConfig } from './SgdStep.js';
import { softmaxCrossEntropyConfig } from './SoftmaxCrossEntropy.js';
import { softmaxCrossEntropyGradConfig } from './SoftmaxCrossEntropyGrad.js';

/**
 * The kernels this project adds to (or replaces in) tfjs-backend-webgpu: one file per kernel, named
 * after it. Their version is part of a webgpu run's backend identity ({@link webgpuKernelsVersion}).
 */
export const webgpuKernelConfigs: readonly tf.KernelConfig[] = [
  conv2DConfig,
  conv2DBackpropInputConfig,
  conv2DBackpropFilterConfig,
  ensembleConv2DConfig,
  ensembleConv2DBackpropInputConfig,
  ensembleConv2DBackpropFilterConfig,
  batchNormTrainMeanConfig,
  batchNormTrainCentreVarianceConfig,
  batchNormTrainNormaliseConfig,
  batchNormTrainGradMeansConfig,
  batchNormTrainInputGradConfig,
  maxPoolGradConfig,
  adamStepConfig,
  sgdStepConfig,
  softmaxCrossEntropyConfig,
  softmaxCrossEntropyGradConfig,
  denseConfig,
  denseBackpropInputConfig,
  denseBackpropWeightConfig,
];

/** Changes whenever a kernel of {@link webgpuKernelConfigs} changes its results, so that webgpu runs are keyed anew. */
export const webgpuKernelsVersion = 'gst-webgpu-4';

/** Stock webgpu kernels that {@link registerWebgpuKernels} replaced, by kernel name (for comparisons and profiles). */
export const replacedStockWebgpuKernels = new Map<string, tf.KernelConfig>();

/**
 * Registers {@link webgpuKernelConfigs} for the webgpu backend, replacing any stock kernel of the
 * same name. Idempotent.
 *
 * @example
 * ```ts
 * registerWebgpuKernels();
 * tf.getKernel('Conv2DBackpropFilter', 'webgpu')?.kernelFunc === conv2DBackpropFilterConfig.kernelFunc; // true
 * ```
 */
export function registerWebgpuKernels(): void {
  registerKernels(webgpuKernelConfigs, replacedStockWebgpuKernels);
}
