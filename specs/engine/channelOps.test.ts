import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelAffine, channelCentre, channelMean, globalAveragePool } from '../../src/engine/models/channelOps.js';
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

  it('globalAveragePool gives tf.mean over H, W its bits, value and gradient, with −0 in dy (cpu and wasm)', async () => {
    const bits = (values: Float32Array) => Array.from(new Uint32Array(values.slice().buffer));
    await fc.assert(
      fc.asyncProperty(activation, async ({ n, h, w, c, seed }) => {
        const dy = hostNormal([n, c], seed + 1);
        dy.values.forEach((v, i) => (i % 3 === 0 ? (dy.values[i] = -0) : v));
        const inputs = [hostNormal([n, h, w, c], seed), dy];
        const valueAndGradient = (pool: (x: tf.Tensor4D) => tf.Tensor) => (x: tf.Tensor, g: tf.Tensor) => [
          pool(x as tf.Tensor4D),
          tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pool(a as tf.Tensor4D), g)))(x),
        ];
        for (const backend of ['cpu', 'wasm'] as const) {
          const ours = await onBackend(backend, inputs, valueAndGradient(globalAveragePool));
          const reference = await onBackend(
            backend,
            inputs,
            valueAndGradient((x) => tf.mean(x, [1, 2])),
          );
          ours.forEach((values, i) => expect(bits(values)).toEqual(bits(reference[i])));
        }
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
