import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { learningRateAt, type LearningRateSchedule } from '../../src/engine/optim/learningRateSchedule.js';
import type { OptimizerConfig } from '../../src/engine/optim/optimizer.js';
import { createOptimizer } from '../../src/engine/optim/optimizerRegistry.js';
import { tf } from '../../src/engine/tf.js';

// Trajectories of torch.optim.Adam / SGD (momentum 0.9, weight decay) and MultiStepLR over a fixed
// gradient sequence, computed once with Debian's PyTorch 1.13 (float32) by tools/reference/optimizers.py.
const w0 = [0.5, -1.25, 2.0, 0.0, -0.3, 1.1];
const grads = [
  [0.1, -0.2, 0.3, 0.05, -0.4, 0.0],
  [-0.3, 0.1, 0.2, -0.05, 0.2, 0.7],
  [0.0, 0.4, -0.1, 0.3, 0.1, -0.2],
  [0.25, -0.15, 0.05, 0.0, -0.35, 0.45],
  [-0.1, 0.3, -0.3, 0.2, 0.0, -0.6],
  [0.2, 0.0, 0.1, -0.25, 0.3, 0.15],
];
const adam = [
  [0.499000013, -1.248999953, 1.998999953, -0.001, -0.299000025, 1.100000024],
  [0.499494195, -1.24873364, 1.99802959, -0.000947368, -0.298733681, 1.099255919],
  [0.499876201, -1.249190927, 1.997477651, -0.001559841, -0.298672289, 1.098878384],
  [0.499760956, -1.249366045, 1.996952534, -0.002061542, -0.298279315, 1.098309636],
  [0.499797881, -1.249780059, 1.996945024, -0.002714301, -0.297947168, 1.098229527],
  [0.499599725, -1.250136852, 1.99683249, -0.002885291, -0.297934651, 1.098086953],
];
const adamWd = [
  [0.490000099, -1.24000001, 1.99000001, -0.009999801, -0.290000051, 1.090000987],
  [0.495284915, -1.237178326, 1.980361462, -0.008878729, -0.287802249, 1.082067847],
  [0.499001652, -1.24223268, 1.974964142, -0.015570382, -0.28775385, 1.0783391],
  [0.496926725, -1.243574262, 1.969716787, -0.020689245, -0.283590972, 1.072332621],
  [0.496861786, -1.247895718, 1.970153809, -0.027669892, -0.280280322, 1.072163224],
  [0.493874371, -1.251205921, 1.968913913, -0.028545877, -0.280970365, 1.071023583],
];
const sgd = [
  [0.489995003, -1.229987502, 1.969980001, -0.005, -0.25999701, 1.099989057],
  [0.510985613, -1.221964002, 1.922942281, -0.00449995, -0.243991703, 1.029968143],
  [0.52987206, -1.254730582, 1.890589118, -0.034049861, -0.239584491, 0.986939013],
  [0.521864533, -1.269207954, 1.856452346, -0.06064444, -0.2006156, 0.903202951],
  [0.524652541, -1.312224865, 1.855710745, -0.104578957, -0.165541604, 0.88783145],
  [0.507156491, -1.350926995, 1.845024705, -0.119118974, -0.163973346, 0.858988225],
];
const sgdMultistep = [
  [0.489995003, -1.229987502, 1.969980001, -0.005, -0.25999701, 1.099989057],
  [0.510985613, -1.221964002, 1.922942281, -0.00449995, -0.243991703, 1.029968143],
  [0.512874246, -1.225240707, 1.919706941, -0.007454941, -0.243550986, 1.025665283],
  [0.512073517, -1.226688504, 1.916293263, -0.010114426, -0.239654094, 1.017291665],
  [0.512101412, -1.227118731, 1.916285872, -0.010553778, -0.23930335, 1.017137885],
  [0.511926472, -1.227505803, 1.916178942, -0.010699195, -0.23928766, 1.016849399],
];

let trajectories = 0;

/** The weights after each step of this project's optimizer fed the same gradients. */
async function trajectory(config: OptimizerConfig, schedule?: LearningRateSchedule): Promise<number[][]> {
  trajectories += 1;
  const w = tf.variable(tf.tensor1d(w0), true, `optimizer-test-w${trajectories}`);
  const optimizer = createOptimizer([w], config);
  const out: number[][] = [];
  for (const [step, g] of grads.entries()) {
    const gradient = tf.tensor1d(g);
    optimizer.step([gradient], learningRateAt(config.learningRate, schedule, step));
    gradient.dispose();
    out.push([...(await w.data())]);
  }
  optimizer.dispose();
  w.dispose();
  return out;
}

describe('optimizers against PyTorch 1.13 (torch.optim, float32)', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`Adam, Adam with weight decay, SGD-momentum with weight decay and MultiStepLR follow torch step by step on ${backend}`, async () => {
      await initBackend({ request: backend });
      const cases: [number[][], number[][]][] = [
        [await trajectory({ name: 'adam', learningRate: 1e-3 }), adam],
        [await trajectory({ name: 'adam', learningRate: 1e-2, weightDecay: 1e-2, betas: [0.8, 0.99], epsilon: 1e-6 }), adamWd],
        [await trajectory({ name: 'sgd', learningRate: 0.1, momentum: 0.9, weightDecay: 1e-4 }), sgd],
        [await trajectory({ name: 'sgd', learningRate: 0.1, momentum: 0.9, weightDecay: 1e-4 }, { milestones: [2, 4], gamma: 0.1 }), sgdMultistep],
      ];
      for (const [ours, torch] of cases) {
        // float32 rounding of the same update rule: within 1e-6 of torch at every step
        for (const [step, row] of ours.entries()) row.forEach((v, i) => expect(Math.abs(v - torch[step][i]), `step ${step}, weight ${i}`).toBeLessThan(1e-6));
      }
      // a 1% error in β1 moves Adam's trajectory by far more than the tolerance: the test can fail
      const off = await trajectory({ name: 'adam', learningRate: 1e-3, betas: [0.909, 0.999] });
      expect(Math.max(...off.flatMap((row, s) => row.map((v, i) => Math.abs(v - adam[s][i]))))).toBeGreaterThan(1e-5);
    });
  }
});
