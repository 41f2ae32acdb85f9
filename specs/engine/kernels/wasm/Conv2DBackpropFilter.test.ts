import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tf } from '../../../../src/engine/tf.js';
import { hostNormal, onBackend } from '../../../support/backends.js';
import { convCases } from '../../../support/convCases.js';

const wideCase = convCases({ batch: 3, height: [3, 9], channels: 40 });

describe('Conv2DBackpropFilter on wasm', () => {
  it('Conv2DBackpropFilter on wasm sums each weight over images, then output rows, then pixels, in order (bit for bit, whatever its row blocks)', async () => {
    await fc.assert(
      fc.asyncProperty(wideCase, async (c) => {
        const x = hostNormal([c.batch, c.height, c.width, c.inChannels], c.seed);
        const w = hostNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], c.seed + 1);
        const [oh, ow] = [c.height, c.width].map((size) => (c.pad === 'same' ? Math.ceil(size / c.stride) : Math.floor((size - c.kernel) / c.stride) + 1));
        const dy = hostNormal([c.batch, oh, ow, c.outChannels], c.seed + 2);
        const [dW] = await onBackend('wasm', [x, w, dy], (a, b, d) => [
          tf.grad((filter: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, filter as tf.Tensor4D, c.stride, c.pad), d)))(b),
        ]);
        const [pt, pl] = [
          [c.height, oh],
          [c.width, ow],
        ].map(([size, out]) => (c.pad === 'same' ? Math.floor(Math.max((out - 1) * c.stride + c.kernel - size, 0) / 2) : 0));
        const expected = new Float32Array(dW.length);
        for (let ky = 0; ky < c.kernel; ky++)
          for (let kx = 0; kx < c.kernel; kx++)
            for (let i = 0; i < c.inChannels; i++)
              for (let o = 0; o < c.outChannels; o++) {
                let sum = 0;
                for (let n = 0; n < c.batch; n++)
                  for (let y = 0; y < oh; y++)
                    for (let p = 0; p < ow; p++) {
                      const [iy, ix] = [y * c.stride + ky - pt, p * c.stride + kx - pl];
                      if (iy < 0 || iy >= c.height || ix < 0 || ix >= c.width) continue;
                      const xv = x.values[((n * c.height + iy) * c.width + ix) * c.inChannels + i];
                      sum = Math.fround(sum + Math.fround(xv * dy.values[((n * oh + y) * ow + p) * c.outChannels + o]));
                    }
                expected[((ky * c.kernel + kx) * c.inChannels + i) * c.outChannels + o] = sum;
              }
        expect(dW).toEqual(expected);
      }),
      { numRuns: 30, seed: 20261202 },
    );
  });
});
