import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdamStep, SgdStep } from '../../../../src/engine/kernels/kernelNames.js';
import { tf } from '../../../../src/engine/tf.js';
import { composite, optimizerConfigs, stepped } from '../../../support/optimizerSteps.js';
import { webgpuForTests } from '../../../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu optimizer-step tests skipped: ${webgpu.unavailable}`);

describe.skipIf(webgpu.unavailable !== undefined)(`optimizer steps in one webgpu dispatch (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it('give the composite steps’ bits for weights and state: SGD with momentum 0 or 0.9, Adam, with and without weight decay, any size, several steps', async () => {
    await tf.setBackend('webgpu');
    expect(tf.getKernel(AdamStep, 'webgpu')).toBeDefined();
    expect(tf.getKernel(SgdStep, 'webgpu')).toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        optimizerConfigs,
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (config, size, steps, seed) => {
          const fused = await stepped(config, size, steps, seed);
          expect(fused).toEqual(await composite('webgpu', () => stepped(config, size, steps, seed)));
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  });
});
