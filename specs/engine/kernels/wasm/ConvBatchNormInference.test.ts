import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { applyConvBnUnit, applyConvBnUnitInference, createConvBnUnit } from '../../../../src/engine/models/convBnUnit.js';
import { buildResNet } from '../../../../src/engine/models/resnet.js';
import { buildVgg, vggMiniLayout } from '../../../../src/engine/models/vgg.js';
import type { ConvNet } from '../../../../src/engine/models/convNet.js';
import { tf } from '../../../../src/engine/tf.js';
import { perturbUnit as perturb } from '../../../support/perturbUnit.js';

/** The float32 values' bits, so that −0 and +0 (and every rounding) count as different. */
const bits = (t: tf.Tensor) => Array.from(new Uint32Array((t.dataSync() as Float32Array).slice().buffer));

function perturbNet(net: ConvNet, seed: number): void {
  [...net.units.values()].forEach((u, i) => perturb(u, seed + 10 * i));
}

describe('applyConvBnUnitInference (eval-mode conv → BN → ReLU as one wasm kernel)', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('is bit-identical to the separate conv, batch norm and ReLU ops for any shape, up to 40 channels, stride 1/2, kernel 1/3, with and without mask and ReLU', () => {
    let unitCount = 0;
    fc.assert(
      fc.property(
        fc.record({
          batch: fc.integer({ min: 1, max: 5 }),
          height: fc.integer({ min: 1, max: 9 }),
          width: fc.integer({ min: 1, max: 9 }),
          inChannels: fc.integer({ min: 1, max: 40 }),
          outChannels: fc.integer({ min: 1, max: 40 }),
          kernelSize: fc.constantFrom(1, 3),
          stride: fc.constantFrom(1, 2),
          applyMask: fc.boolean(),
          relu: fc.boolean(),
          seed: fc.integer({ min: 0, max: 1_000_000 }),
        }),
        (c) => {
          const unit = createConvBnUnit({ name: 'conv0', scope: `fused${unitCount++}`, ...c });
          perturb(unit, c.seed);
          const x = tf.randomNormal([c.batch, c.height, c.width, c.inChannels], 0, 1, 'float32', c.seed + 7) as tf.Tensor4D;
          const separate = tf.tidy(() => {
            const y = applyConvBnUnit(unit, x, { applyMask: c.applyMask });
            return c.relu ? tf.relu(y) : y;
          });
          const fused = applyConvBnUnitInference(unit, x, { applyMask: c.applyMask, relu: c.relu });
          expect(fused.shape).toEqual(separate.shape);
          expect(bits(fused)).toEqual(bits(separate));
          tf.dispose([x, separate, fused]);
          for (const v of [unit.kernel, unit.gamma, unit.beta, unit.runningMean, unit.runningVar, unit.mask]) v.dispose();
        },
      ),
      { numRuns: 80, seed: 20261202 },
    );
  });

  it('gives a VGG-mini (odd batch) and a ResNet the same logits bit for bit as the eval-mode forward pass', () => {
    const nets = [
      buildVgg({ layout: vggMiniLayout, inputShape: [16, 16, 1], seed: 3 }),
      buildResNet({ blocksPerStage: [1, 1], stageWidths: [8, 16], inputShape: [12, 12, 3], seed: 4 }),
    ];
    nets.forEach((net, i) => {
      perturbNet(net, 100 * i);
      const x = tf.randomNormal([9, ...net.inputShape], 0, 1, 'float32', 5 + i) as tf.Tensor4D;
      const [evalMode, inference] = [net.forward(x), net.forward(x, { inference: true })];
      expect(bits(inference)).toEqual(bits(evalMode));
      tf.dispose([x, evalMode, inference]);
      net.dispose();
    });
  });

  it('cannot be differentiated by accident, and refuses a forward pass that asks for statistics or observers too', () => {
    const net = buildVgg({ layout: [4, 'M', 8], inputShape: [8, 8, 1], seed: 6 });
    const x = tf.randomNormal([2, 8, 8, 1], 0, 1, 'float32', 6) as tf.Tensor4D;
    expect(() => tf.grad((input: tf.Tensor) => tf.sum(net.forward(input as tf.Tensor4D, { inference: true })))(x)).toThrow(/ConvBatchNormInference/);
    expect(() => net.forward(x, { inference: true, pending: [] })).toThrow(/inference cannot be combined with pending or observe/);
    expect(() => net.forward(x, { inference: true, observe: () => undefined })).toThrow(/inference cannot be combined with pending or observe/);
    x.dispose();
    net.dispose();
  });

  it('runs the separate ops where the backend has no fused kernel (cpu), with the same values', async () => {
    await tf.setBackend('cpu');
    try {
      const unit = createConvBnUnit({ name: 'conv0', scope: 'fusedCpu', inChannels: 3, outChannels: 5, seed: 8 });
      perturb(unit, 8);
      const x = tf.randomNormal([2, 5, 5, 3], 0, 1, 'float32', 8) as tf.Tensor4D;
      const separate = tf.relu(applyConvBnUnit(unit, x, { applyMask: true }));
      expect(bits(applyConvBnUnitInference(unit, x, { applyMask: true, relu: true }))).toEqual(bits(separate));
    } finally {
      await tf.setBackend('wasm');
    }
  });
});
