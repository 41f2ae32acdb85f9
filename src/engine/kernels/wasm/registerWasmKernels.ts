import type { tf } from '../../tf.js';
import { registerKernels } from '../util/registerKernels.js';
import { adamStepConfig } from './AdamStep.js';
import { batchNormTrainCentreVarianceConfig } from './BatchNormTrainCentreVariance.js';
import { batchNormTrainGradMeansConfig } from './BatchNormTrainGradMeans.js';
import { batchNormTrainInputGradConfig } from './BatchNormTrainInputGrad.js';
import { batchNormTrainMeanConfig } from './BatchNormTrainMean.js';
import { batchNormTrainNormaliseConfig } from './BatchNormTrainNormalise.js';
import { castConfig } from './Cast.js';
import { conv2DConfig } from './Conv2D.js';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { conv2DBackpropInputConfig } from './Conv2DBackpropInput.js';
import { convBatchNormInferenceConfig } from './ConvBatchNormInference.js';
import { identityConfig } from './Identity.js';
import { maxPoolGradConfig } from './MaxPoolGrad.js';
import { meanConfig } from './Mean.js';
import { sgdStepConfig } from './SgdStep.js';

/**
 * The kernels this project adds to (or replaces in) tfjs-backend-wasm so it can train and evaluate
 * conv nets, fast: one file per kernel, named after it (`kernelNames.ts` has the project's own names).
 */
export const wasmKernelConfigs: readonly tf.KernelConfig[] = [
  conv2DConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  maxPoolGradConfig,
  identityConfig,
  castConfig,
  meanConfig,
  convBatchNormInferenceConfig,
  batchNormTrainMeanConfig,
  batchNormTrainCentreVarianceConfig,
  batchNormTrainNormaliseConfig,
  batchNormTrainGradMeansConfig,
  batchNormTrainInputGradConfig,
  sgdStepConfig,
  adamStepConfig,
];

/** Stock wasm kernels that {@link registerWasmKernels} replaced, by kernel name (for comparisons and `npm run bench`). */
export const replacedStockKernels = new Map<string, tf.KernelConfig>();

/**
 * Registers {@link wasmKernelConfigs} for the wasm backend, replacing any stock kernel of the same
 * name. Idempotent.
 *
 * @example
 * ```ts
 * registerWasmKernels();
 * tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined; // true
 * ```
 */
export function registerWasmKernels(): void {
  registerKernels(wasmKernelConfigs, replacedStockKernels);
}
