import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tf } from '../../../../src/engine/tf.js';
import { conv2DBackpropFilterConfig, filterGemm } from '../../../../src/engine/kernels/webgpu/Conv2DBackpropFilter.js';
import { filterChunk } from '../../../../src/engine/kernels/webgpu/filterGradientPartialsProgram.js';
import { forwardConvInfo } from '../../../../src/engine/kernels/util/forwardConvInfo.js';
import { hostNormal, maxErrorRelativeToScale, onBackend, webgpuForTests } from '../../../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu Conv2DBackpropFilter tests skipped: ${webgpu.unavailable}`);

interface Case {
  readonly n: number;
  readonly h: number;
  readonly cin: number;
  readonly cout: number;
  readonly stride: number;
  readonly pad: 'same' | 'valid';
  readonly seed: number;
}

/** dW of a 3×3 convolution by the registered kernel of `backend`. */
function filterGradientOn(backend: 'cpu' | 'webgpu', c: Case): Promise<Float32Array[]> {
  const out = Math.ceil((c.pad === 'same' ? c.h : c.h - 2) / c.stride);
  const inputs = [hostNormal([c.n, c.h, c.h, c.cin], c.seed), hostNormal([c.n, out, out, c.cout], c.seed + 1)];
  return onBackend(backend, inputs, (x, dy) => [
    tf
      .engine()
      .runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: [3, 3, c.cin, c.cout] }) as tf.Tensor,
  ]);
}

async function agrees(c: Case): Promise<void> {
  const [expected] = await filterGradientOn('cpu', c);
  const [actual] = await filterGradientOn('webgpu', c);
  expect(maxErrorRelativeToScale(expected, actual), JSON.stringify(c)).toBeLessThan(1e-5);
}

describe.skipIf(webgpu.unavailable !== undefined)(`the project's webgpu Conv2DBackpropFilter (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it('is the registered kernel, and splits K into chunks of at most 4,096 multiply-adds per invocation', () => {
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'webgpu')?.kernelFunc).toBe(conv2DBackpropFilterConfig.kernelFunc);
    const gemm = filterGemm(forwardConvInfo('test', [128, 32, 32, 3], [3, 3, 3, 64], { strides: 1, pad: 'same' }));
    expect(gemm).toEqual({ m: 27, n: 64, k: 131_072, chunks: 512 });
    expect(16 * filterChunk).toBeLessThanOrEqual(4096);
  });

  it('equals cpu over shapes with several tiles and chunks, strides 1 and 2, same and valid padding', async () => {
    const cases = fc.record({
      n: fc.integer({ min: 1, max: 4 }),
      h: fc.integer({ min: 3, max: 14 }),
      cin: fc.integer({ min: 1, max: 40 }),
      cout: fc.integer({ min: 1, max: 70 }),
      stride: fc.constantFrom(1, 2),
      pad: fc.constantFrom('same' as const, 'valid' as const),
      seed: fc.nat(1e5),
    });
    await fc.assert(fc.asyncProperty(cases, agrees), { numRuns: 12, seed: 31 });
  });

  it("equals cpu at the paper's VGG11 and ResNet18 layer shapes (batch 2)", { timeout: 120_000 }, async () => {
    for (const [h, cin, cout] of [
      [32, 3, 64],
      [16, 64, 128],
      [8, 256, 256],
      [4, 512, 512],
      [32, 64, 64],
    ])
      await agrees({ n: 2, h, cin, cout, stride: 1, pad: 'same', seed: h + cin });
  });

  it('gives the same bits on every call (chunks added in a fixed order, no atomics)', async () => {
    const c: Case = { n: 3, h: 12, cin: 20, cout: 36, stride: 1, pad: 'same', seed: 5 };
    const [first] = await filterGradientOn('webgpu', c);
    const [second] = await filterGradientOn('webgpu', c);
    expect(Buffer.from(second.buffer).equals(Buffer.from(first.buffer))).toBe(true);
  });
});
