import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchNormInference } from '../../../../src/engine/models/batchNormInference.js';
import { batchNormTrain } from '../../../../src/engine/models/batchNormTrain.js';
import { auditDispatches } from '../../../../src/bench/gpuAudit.js';
import { tf } from '../../../../src/engine/tf.js';
import { classificationLoss } from '../../../../src/engine/train/classificationLoss.js';
import { dense } from '../../../../src/engine/models/dense.js';
import { hostNormal, maxErrorRelativeToScale, onBackend, webgpuForTests, type HostTensor } from '../../../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu kernel tests skipped: ${webgpu.unavailable}`);

/** Runs `compute` on cpu and on webgpu with the same inputs; every output must agree to float32 rounding. */
async function agree(inputs: HostTensor[], compute: (...t: tf.Tensor[]) => tf.Tensor[], tolerance = 1e-4): Promise<void> {
  const expected = await onBackend('cpu', inputs, compute);
  const actual = await onBackend('webgpu', inputs, compute);
  expected.forEach((e, i) => expect(maxErrorRelativeToScale(e, actual[i]), `output ${i}`).toBeLessThan(tolerance));
}

const shapes = fc.record({
  n: fc.integer({ min: 1, max: 3 }),
  h: fc.integer({ min: 2, max: 6 }),
  cin: fc.integer({ min: 1, max: 4 }),
  cout: fc.integer({ min: 1, max: 5 }),
  seed: fc.nat(1e5),
});
const runs = { numRuns: 10, seed: 16 };

describe.skipIf(webgpu.unavailable !== undefined)(`webgpu kernels equal cpu (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it('conv2d and both of its gradients (Conv2DBackpropInput, Conv2DBackpropFilter), strides 1 and 2', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, fc.constantFrom(1, 2), async ({ n, h, cin, cout, seed }, stride) => {
        const inputs = [hostNormal([n, h, h + 1, cin], seed), hostNormal([3, 3, cin, cout], seed + 1)];
        await agree(inputs, (x, w) => {
          const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, 'same')));
          return [tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, 'same'), ...tf.grads(f)([x, w])];
        });
      }),
      runs,
    );
  });

  it('batch norm in train mode (value, ∂x, ∂γ, ∂β) and in eval mode (value, ∂x)', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async ({ n, h, cout, seed }) => {
        const c = cout;
        const inputs = [hostNormal([n + 1, h, h, c], seed), hostNormal([c], seed + 1), hostNormal([c], seed + 2), hostNormal([n + 1, h, h, c], seed + 3)];
        await agree(inputs, (x, g, b, w) => {
          const train = (a: tf.Tensor, s: tf.Tensor, o: tf.Tensor) =>
            tf.sum(
              tf.mul(
                batchNormTrain(a as tf.Tensor4D, s as tf.Tensor1D, o as tf.Tensor1D, 1e-5, (m) => tf.dispose([m.mean, m.variance])),
                w,
              ),
            );
          const mean = tf.mean(x, [0, 1, 2]) as tf.Tensor1D;
          const variance = tf.add(tf.square(g), 0.5) as tf.Tensor1D;
          const evaluate = (a: tf.Tensor) => tf.sum(tf.mul(batchNormInference(a as tf.Tensor4D, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, 1e-5), w));
          return [train(x, g, b), ...tf.grads(train)([x, g, b]), evaluate(x), tf.grad(evaluate)(x)];
        });
      }),
      runs,
    );
  });

  it('max-pool and its gradient, ReLU before it (as in VGG-mini)', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async ({ n, h, cout, seed }) => {
        const inputs = [hostNormal([n, 2 * h, 2 * h, cout], seed)];
        await agree(inputs, (x) => {
          const f = (a: tf.Tensor) => tf.sum(tf.square(tf.maxPool(tf.relu(a as tf.Tensor4D), 2, 2, 'valid')));
          return [tf.maxPool(tf.relu(x as tf.Tensor4D), 2, 2, 'valid'), tf.grad(f)(x)];
        });
      }),
      runs,
    );
  });

  it('the head (Dense: matmul and bias) and the classification loss (SoftmaxCrossEntropy, mean and sum, its hits) with their gradients', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async ({ n, cin, cout, seed }) => {
        const classes = cout + 1;
        const inputs = [hostNormal([n + 1, 4 * cin], seed), hostNormal([4 * cin, classes], seed + 1), hostNormal([classes], seed + 2)];
        // a label outside [0, K) counts as a zero one-hot row, as tf.oneHot makes it
        const labels = Array.from({ length: n + 1 }, (_, i) => (i === 1 ? classes : (i * 7 + seed) % classes));
        for (const mean of [true, false]) {
          await agree(inputs, (x, w, b) => {
            const lossOf = (a: tf.Tensor, k: tf.Tensor, o: tf.Tensor) =>
              classificationLoss(dense(a as tf.Tensor2D, k, o), tf.tensor1d(labels, 'int32'), { mean });
            const f = (a: tf.Tensor, k: tf.Tensor, o: tf.Tensor) => lossOf(a, k, o).loss;
            const { loss, hits } = lossOf(x, w, b);
            return [dense(x as tf.Tensor2D, w, b), loss, hits, ...tf.grads(f)([x, w, b])];
          });
        }
      }),
      runs,
    );
  });
});

describe.skipIf(webgpu.unavailable !== undefined)(`the classification loss on webgpu (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it('counts a hit at the first largest logit, as argMax does, and runs in two dispatches instead of tfjs’ ~25', async () => {
    const logits = { values: Float32Array.from([1, 3, 3, 0, 2, 2, 5, 5, 5]), shape: [3, 3] };
    const hitsFor = (labels: number[]) => (x: tf.Tensor) => [classificationLoss(x as tf.Tensor2D, tf.tensor1d(labels, 'int32'), { mean: true }).hits];
    for (const labels of [
      [1, 1, 0],
      [2, 2, 2],
    ]) {
      const [[cpu], [gpu]] = [await onBackend('cpu', [logits], hitsFor(labels)), await onBackend('webgpu', [logits], hitsFor(labels))];
      expect(gpu[0]).toBe(cpu[0]);
    }
    const dispatches = await auditDispatches(async () => {
      tf.tidy(() => {
        const x = tf.randomNormal([8, 10]);
        return tf.grad((a: tf.Tensor) => classificationLoss(a as tf.Tensor2D, tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), { mean: true }).loss)(x);
      });
    });
    expect(dispatches.map((d) => d.program).filter((p) => p.startsWith('SoftmaxCrossEntropy'))).toEqual([
      'SoftmaxCrossEntropyProgram',
      'SoftmaxCrossEntropyGradProgram',
    ]);
  });

  it("gives an ensemble's members, in one dispatch each way, the head and loss values and gradients of each member alone, bit for bit", async () => {
    const [members, rows, features, classes] = [3, 5, 7, 4];
    const inputs = [hostNormal([members * rows, features], 1), hostNormal([members, features, classes], 2), hostNormal([members, classes], 3)];
    const labels = Array.from({ length: members * rows }, (_, i) => (i * 5) % classes);
    /** The head's output, each member's loss and hits, and the gradients of the loss for x, kernel and bias. */
    const step = (r?: number) => (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => {
      const [a, k, o] = r === undefined ? [x, w, b] : [tf.slice(x, r * rows, rows), tf.squeeze(tf.slice(w, r, 1), [0]), tf.squeeze(tf.slice(b, r, 1), [0])];
      const y = tf.tensor1d(r === undefined ? labels : labels.slice(r * rows, (r + 1) * rows), 'int32');
      const lossOf = (p: tf.Tensor, q: tf.Tensor, s: tf.Tensor) =>
        classificationLoss(dense(p as tf.Tensor2D, q, s), y, { mean: true, members: r === undefined ? members : 1 });
      const { losses, hits } = lossOf(a, k, o);
      return [dense(a as tf.Tensor2D, k, o), losses, hits, ...tf.grads((p: tf.Tensor, q: tf.Tensor, s: tf.Tensor) => lossOf(p, q, s).loss)([a, k, o])];
    };
    const together = await onBackend('webgpu', inputs, step());
    const alone = await Promise.all(Array.from({ length: members }, (_, r) => onBackend('webgpu', inputs, step(r))));
    const part = (t: Float32Array, r: number) => [...new Uint32Array(t.slice((r * t.length) / members, ((r + 1) * t.length) / members).buffer)];
    alone.forEach((outputs, r) =>
      outputs.forEach((t, i) => expect(part(together[i], r), `member ${r}, output ${i}`).toEqual([...new Uint32Array(Float32Array.from(t).buffer)])),
    );
    // one training step's head and loss, all members: a dispatch each, whatever R
    const dispatches = await auditDispatches(async () =>
      tf.tidy(() => {
        const [x, w, b] = inputs.map((h) => tf.tensor(h.values, h.shape));
        const y = tf.tensor1d(labels, 'int32');
        return tf.grads((p: tf.Tensor, q: tf.Tensor, o: tf.Tensor) => classificationLoss(dense(p as tf.Tensor2D, q, o), y, { mean: true, members }).loss)([
          x,
          w,
          b,
        ]);
      }),
    );
    expect(dispatches.map((d) => d.program).filter((p) => p.startsWith('Dense') || p.startsWith('Softmax'))).toEqual([
      'DenseProgram',
      'SoftmaxCrossEntropyProgram',
      'SoftmaxCrossEntropyGradProgram',
      'DenseBackpropWeightProgram',
      'DenseBackpropInputProgram',
    ]);
  });
});
