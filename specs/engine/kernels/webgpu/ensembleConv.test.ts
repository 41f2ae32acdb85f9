import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensembleConv2d } from '../../../../src/engine/models/ensembleConv.js';
import { tf } from '../../../../src/engine/tf.js';
import { hostNormal, onBackend, webgpuForTests } from '../../../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu ensemble convolution tests skipped: ${webgpu.unavailable}`);

interface Case {
  readonly members: number;
  readonly batch: number;
  readonly size: number;
  readonly cin: number;
  readonly cout: number;
  readonly kernel: 1 | 3;
  readonly stride: 1 | 2;
  readonly seed: number;
}

/** y, ∂x and ∂W of Σ(conv · weight): the members at once, then each member alone, on `backend`. */
async function togetherAndAlone(backend: 'cpu' | 'webgpu', c: Case): Promise<{ together: Float32Array[]; alone: Float32Array[][] }> {
  const x = hostNormal([c.members * c.batch, c.size, c.size, c.cin], c.seed);
  const w = hostNormal([c.members, c.kernel, c.kernel, c.cin, c.cout], c.seed + 1);
  const outSize = Math.ceil(c.size / c.stride);
  const weight = hostNormal([c.members * c.batch, outSize, outSize, c.cout], c.seed + 2);
  const together = await onBackend(backend, [x, w, weight], (a, f, g) => {
    const loss = (xa: tf.Tensor, fa: tf.Tensor) => tf.sum(tf.mul(ensembleConv2d(xa as tf.Tensor4D, fa as tf.Tensor5D, c.stride, 'same'), g));
    return [ensembleConv2d(a as tf.Tensor4D, f as tf.Tensor5D, c.stride, 'same'), ...tf.grads(loss)([a, f])];
  });
  const alone: Float32Array[][] = [];
  for (let r = 0; r < c.members; r++) {
    alone.push(
      await onBackend(backend, [x, w, weight], (a, f, g) => {
        const xr = tf.slice(a, r * c.batch, c.batch) as tf.Tensor4D;
        const fr = tf.squeeze(tf.slice(f, r, 1), [0]) as tf.Tensor4D;
        const gr = tf.slice(g, r * c.batch, c.batch);
        const loss = (xa: tf.Tensor, fa: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xa as tf.Tensor4D, fa as tf.Tensor4D, c.stride, 'same'), gr));
        return [tf.conv2d(xr, fr, c.stride, 'same'), ...tf.grads(loss)([xr, fr])];
      }),
    );
  }
  return { together, alone };
}

/** Member r's part of a member-major array of `members` equal parts. */
const part = (a: Float32Array, r: number, members: number) => a.subarray((r * a.length) / members, ((r + 1) * a.length) / members);
const same = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

async function membersAsAlone(backend: 'cpu' | 'webgpu', c: Case): Promise<void> {
  const { together, alone } = await togetherAndAlone(backend, c);
  for (let r = 0; r < c.members; r++)
    ['y', '∂x', '∂W'].forEach((what, i) =>
      expect(same(part(together[i], r, c.members), alone[r][i]), `${what} of member ${r} of ${JSON.stringify(c)}`).toBe(true),
    );
}

const cases = fc.record({
  members: fc.integer({ min: 1, max: 3 }),
  batch: fc.integer({ min: 1, max: 3 }),
  size: fc.integer({ min: 2, max: 9 }),
  cin: fc.integer({ min: 1, max: 6 }),
  cout: fc.integer({ min: 1, max: 6 }),
  kernel: fc.constantFrom<1 | 3>(1, 3),
  stride: fc.constantFrom<1 | 2>(1, 2),
  seed: fc.nat(1e5),
});

describe('convolutions of an ensemble’s members at once', () => {
  it('equal each member’s convolution alone, bit for bit, by the composite (cpu)', async () => {
    await fc.assert(
      fc.asyncProperty(cases, (c) => membersAsAlone('cpu', c)),
      { numRuns: 10, seed: 41 },
    );
  });

  it.skipIf(webgpu.unavailable !== undefined)(
    `equal each member alone, bit for bit, by webgpu's one GEMM for all members (${webgpu.adapter?.device ?? 'no adapter'})`,
    { timeout: 120_000 },
    async () => {
      expect(tf.getKernel('EnsembleConv2D', 'webgpu')).toBeDefined();
      await fc.assert(
        fc.asyncProperty(cases, (c) => membersAsAlone('webgpu', c)),
        { numRuns: 15, seed: 42 },
      );
      // K split into chunks (filter gradient over batch·pixels, forward and input gradient over 9·512 channels)
      await membersAsAlone('webgpu', { members: 3, batch: 2, size: 32, cin: 3, cout: 16, kernel: 3, stride: 1, seed: 5 });
      await membersAsAlone('webgpu', { members: 2, batch: 1, size: 2, cin: 512, cout: 8, kernel: 3, stride: 1, seed: 6 });
    },
  );
});
