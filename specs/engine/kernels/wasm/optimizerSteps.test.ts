import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamStep, SgdStep } from '../../../../src/engine/kernels/kernelNames.js';
import { registerWasmKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import type { OptimizerConfig } from '../../../../src/engine/optim/optimizer.js';
import { createOptimizer } from '../../../../src/engine/optim/optimizerRegistry.js';
import { tf } from '../../../../src/engine/tf.js';
import { tensorBits } from '../../../support/tensorBits.js';

/** Runs `f` with the optimizer-step kernels unregistered, i.e. on the composite ops. */
async function composite<T>(f: () => Promise<T>): Promise<T> {
  const configs = [SgdStep, AdamStep].map((name) => tf.getKernel(name, 'wasm') as tf.KernelConfig);
  configs.forEach((c) => tf.unregisterKernel(c.kernelName, 'wasm'));
  try {
    return await f();
  } finally {
    configs.forEach((c) => tf.registerKernel(c));
  }
}

let count = 0;

/** A variable's values and the optimizer's state, as bits, after `steps` steps with seeded gradients (learning rate halved each step). */
async function stepped(config: OptimizerConfig, size: number, steps: number, seed: number): Promise<number[][]> {
  const v = tf.variable(tf.randomNormal([size], 0, 1, 'float32', seed), true, `optimizer-steps-${count++}`);
  const optimizer = createOptimizer([v], config);
  for (let step = 0; step < steps; step++) {
    const g = tf.randomNormal([size], 0, 0.5, 'float32', seed + 1 + step);
    optimizer.step([g], config.learningRate / 2 ** step);
    g.dispose();
  }
  const out = [v, ...optimizer.stateVariables()].map(tensorBits);
  optimizer.dispose();
  v.dispose();
  return out;
}

describe('optimizer steps in one wasm kernel (SgdStep, AdamStep)', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('give the composite steps’ bits for weights and state: SGD with momentum 0 or 0.9, Adam, with and without weight decay, any size, several steps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            name: fc.constant<'sgd'>('sgd'),
            learningRate: fc.constantFrom(0.1, 0.013),
            momentum: fc.constantFrom(0, 0.9),
            weightDecay: fc.constantFrom(0, 5e-4),
          }),
          fc.record({
            name: fc.constant<'adam'>('adam'),
            learningRate: fc.constantFrom(1e-3, 2e-3),
            weightDecay: fc.constantFrom(0, 1e-2),
            betas: fc.constantFrom<[number, number]>([0.9, 0.999], [0.8, 0.99]),
            epsilon: fc.constantFrom(1e-8, 1e-6),
          }),
        ),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (config, size, steps, seed) => {
          const fused = await stepped(config, size, steps, seed);
          expect(fused).toEqual(await composite(() => stepped(config, size, steps, seed)));
        },
      ),
      { numRuns: 60, seed: 20261206 },
    );
  });
});
