import { describe, expect, it } from 'vitest';
import { benchCases } from '../../src/bench/benchCases.js';
import { measureKernelShare } from '../../src/bench/kernelShare.js';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { tf } from '../../src/engine/tf.js';

describe('the share of a training step outside kernels', () => {
  it(
    'times the outermost kernel calls within the wall time of the same steps, and puts every kernel back; times 4 seeds together too',
    { timeout: 60_000 },
    async () => {
      await initBackend();
      const funcs = () => new Map(tf.getKernelsForBackend(tf.getBackend()).map((k) => [k.kernelName, k.kernelFunc]));
      const before = funcs();
      const share = await measureKernelShare(benchCases[0], 0, 0, 3);
      expect(share.kernelCalls).toBeGreaterThan(50);
      expect(share.kernelMs).toBeGreaterThan(0);
      expect(share.kernelMs).toBeLessThan(share.stepMs);
      expect(share.outsideShare).toBeCloseTo(1 - share.kernelMs / share.stepMs, 12);
      expect(share.together.members).toBe(4);
      expect(share.together.alone).toBeCloseTo((1000 * 64) / share.stepMs, 6);
      expect(share.together.together).toBeGreaterThan(0);
      expect(funcs()).toEqual(before);
    },
  );
});
