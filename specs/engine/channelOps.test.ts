import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelAffine, channelCentre, channelMean } from '../../src/engine/models/channelOps.js';
import { tf } from '../../src/engine/tf.js';
import { hostNormal, maxRelativeError, onBackend } from '../support/backends.js';

const activation = fc.record({
  n: fc.integer({ min: 1, max: 5 }),
  h: fc.integer({ min: 1, max: 9 }),
  w: fc.integer({ min: 1, max: 9 }),
  c: fc.integer({ min: 1, max: 9 }),
  seed: fc.nat(100000),
});

describe('channel ops', () => {
  it('channelAffine and channelCentre equal the broadcast x·s + b, x·s and x − m bit for bit (cpu and wasm)', async () => {
    await fc.assert(
      fc.asyncProperty(activation, async ({ n, h, w, c, seed }) => {
        const inputs = [hostNormal([n, h, w, c], seed), hostNormal([c], seed + 1), hostNormal([c], seed + 2)];
        for (const backend of ['cpu', 'wasm'] as const) {
          const [affine, scaled] = await onBackend(backend, inputs, (x, s, b) => [
            channelAffine(x as tf.Tensor4D, s as tf.Tensor1D, b as tf.Tensor1D),
            channelAffine(x as tf.Tensor4D, s as tf.Tensor1D),
          ]);
          const [broadcastAffine, broadcastScaled] = await onBackend(backend, inputs, (x, s, b) => [tf.add(tf.mul(x, s), b), tf.mul(x, s)]);
          expect(affine).toEqual(broadcastAffine);
          expect(scaled).toEqual(broadcastScaled);
          const [centred] = await onBackend(backend, inputs, (x, m) => [channelCentre(x as tf.Tensor4D, m as tf.Tensor1D)]);
          const [difference] = await onBackend(backend, inputs, (x, m) => [tf.sub(x, m)]);
          expect(centred).toEqual(difference);
        }
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it('channelMean equals tf.mean over N, H, W within float rounding (cpu and wasm)', async () => {
    await fc.assert(
      fc.asyncProperty(activation, async ({ n, h, w, c, seed }) => {
        const inputs = [hostNormal([n, h, w, c], seed)];
        for (const backend of ['cpu', 'wasm'] as const) {
          const [ours] = await onBackend(backend, inputs, (x) => [channelMean(x as tf.Tensor4D)]);
          const [reference] = await onBackend(backend, inputs, (x) => [tf.mean(x, [0, 1, 2])]);
          expect(ours).toHaveLength(c);
          expect(maxRelativeError(reference, ours)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 30, seed: 6 },
    );
  });
});
