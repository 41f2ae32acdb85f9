import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { tf } from '../../../../src/engine/tf.js';
import { composite, optimizerConfigs, stepped } from '../../../support/optimizerSteps.js';

describe('optimizer steps in one wasm kernel (SgdStep, AdamStep)', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('give the composite steps’ bits for weights and state: SGD with momentum 0 or 0.9, Adam, with and without weight decay, any size, several steps', async () => {
    await fc.assert(
      fc.asyncProperty(
        optimizerConfigs,
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (config, size, steps, seed) => {
          const fused = await stepped(config, size, steps, seed);
          expect(fused).toEqual(await composite('wasm', () => stepped(config, size, steps, seed)));
        },
      ),
      { numRuns: 60, seed: 20261206 },
    );
  });
});
