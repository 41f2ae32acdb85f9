import fc from 'fast-check';
import { AdamStep, SgdStep } from '../../src/engine/kernels/kernelNames.js';
import type { OptimizerConfig } from '../../src/engine/optim/optimizer.js';
import { createOptimizer } from '../../src/engine/optim/optimizerRegistry.js';
import { tf } from '../../src/engine/tf.js';

/** Runs `f` with `backend`'s optimizer-step kernels unregistered, i.e. on the composite ops. */
export async function composite<T>(backend: 'wasm' | 'webgpu', f: () => Promise<T>): Promise<T> {
  const configs = [SgdStep, AdamStep].map((name) => tf.getKernel(name, backend) as tf.KernelConfig);
  configs.forEach((c) => tf.unregisterKernel(c.kernelName, backend));
  try {
    return await f();
  } finally {
    configs.forEach((c) => tf.registerKernel(c));
  }
}

let count = 0;

/**
 * A variable's values and the optimizer's state, as bits, after `steps` steps with seeded gradients
 * (learning rate halved each step), on the active backend. Seeds start at 1: tfjs draws seed 0 at random.
 */
export async function stepped(config: OptimizerConfig, size: number, steps: number, seed: number): Promise<number[][]> {
  const v = tf.variable(tf.randomNormal([size], 0, 1, 'float32', seed + 1), true, `optimizer-steps-${count++}`);
  const optimizer = createOptimizer([v], config);
  for (let step = 0; step < steps; step++) {
    const g = tf.randomNormal([size], 0, 0.5, 'float32', seed + 2 + step);
    optimizer.step([g], config.learningRate / 2 ** step);
    g.dispose();
  }
  const out = await Promise.all(
    [v, ...optimizer.stateVariables()].map(async (t) => Array.from(new Uint32Array(((await t.data()) as Float32Array).slice().buffer))),
  );
  optimizer.dispose();
  v.dispose();
  return out;
}

/** SGD with momentum 0 or 0.9 and Adam, each with and without weight decay. */
export const optimizerConfigs: fc.Arbitrary<OptimizerConfig> = fc.oneof(
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
);
