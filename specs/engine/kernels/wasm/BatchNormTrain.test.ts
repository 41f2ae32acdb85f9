import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchNormTrain } from '../../../../src/engine/kernels/kernelNames.js';
import { registerWasmKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import type { ConvNet } from '../../../../src/engine/models/convNet.js';
import { buildResNet } from '../../../../src/engine/models/resnet.js';
import { buildVgg, vggMiniLayout } from '../../../../src/engine/models/vgg.js';
import { createOptimizer } from '../../../../src/engine/optim/optimizerRegistry.js';
import { trainStep } from '../../../../src/engine/train/trainStep.js';
import { tf } from '../../../../src/engine/tf.js';
import { batchNormBits, batchNormCases } from '../../../support/batchNormBits.js';

/** The float32 values' bits, so that −0 and +0 (and every rounding) count as different. */
const bits = (t: tf.Tensor) => Array.from(new Uint32Array((t.dataSync() as Float32Array).slice().buffer));

/** Runs `f` with the train-mode batch-norm kernels unregistered, i.e. on the composite ops. */
async function composite<T>(f: () => T | Promise<T>): Promise<T> {
  const configs = Object.values(BatchNormTrain).map((name) => tf.getKernel(name, 'wasm') as tf.KernelConfig);
  configs.forEach((c) => tf.unregisterKernel(c.kernelName, 'wasm'));
  try {
    return await f();
  } finally {
    configs.forEach((c) => tf.registerKernel(c));
  }
}

/** A net's trainable weights and running statistics, as bits, after `steps` SGD steps with or without an observer. */
async function trainedBits(build: () => ConvNet, steps: number, observed: boolean): Promise<number[][]> {
  const net = build();
  const optimizer = createOptimizer(net.trainableVariables(), { name: 'sgd', learningRate: 0.05, momentum: 0.9 });
  const [h, w, ch] = net.inputShape;
  const x = Float32Array.from({ length: 6 * h * w * ch }, (_, i) => Math.sin(i * 1.7) * 1.3);
  const y = Int32Array.from({ length: 6 }, (_, i) => i % net.numClasses);
  const observe = observed ? (_: unknown, out: tf.Tensor4D) => void tf.sum(out) : undefined;
  for (let s = 0; s < steps; s++) await trainStep({ model: net, optimizer, x, y, shape: net.inputShape, learningRate: 0.05, observe });
  const out = net.namedVariables().map(([, v]) => bits(v));
  optimizer.dispose();
  net.dispose();
  return out;
}

describe('train-mode batch norm in wasm passes (BatchNormTrain* kernels)', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('gives the composite ops’ bits for value, gradients and moments, any shape up to 40 channels, with and without ReLU and masks', async () => {
    await fc.assert(
      fc.asyncProperty(batchNormCases, async (c) => {
        expect(batchNormBits(c)).toEqual(await composite(() => batchNormBits(c)));
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it('trains a VGG-mini and a ResNet to the same weights and running statistics bit for bit as the composite ops, observed or not', async () => {
    const builds = [
      () => buildVgg({ layout: vggMiniLayout, widthMultiplier: 0.5, inputShape: [8, 8, 1], seed: 3 }),
      () => buildResNet({ blocksPerStage: [1, 1], stageWidths: [6, 10], inputShape: [8, 8, 3], seed: 4 }),
    ];
    for (const build of builds) {
      const fused = await trainedBits(build, 3, false);
      expect(await trainedBits(build, 3, true)).toEqual(fused);
      expect(await composite(() => trainedBits(build, 3, false))).toEqual(fused);
    }
  });

  it('leaves no tensors behind in training', async () => {
    const before = tf.memory().numTensors;
    await trainedBits(() => buildVgg({ layout: [4, 'M', 8], inputShape: [8, 8, 1], seed: 5 }), 2, false);
    expect(tf.memory().numTensors).toBe(before);
  });
});
