import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import type { PreparedData } from '../../src/engine/data/preparedData.js';
import { makeConvNet, nextModelScope } from '../../src/engine/models/makeConvNet.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { tf } from '../../src/engine/tf.js';
import { epsilonFlatness } from '../../src/flatness/epsilonFlatness.js';
import { LossLandscape } from '../../src/flatness/lossLandscape.js';
import { measureFlatness } from '../../src/flatness/measureFlatness.js';
import { dot } from '../../src/flatness/parameterVector.js';
import { topEigenvalues } from '../../src/flatness/topEigenvalues.js';
import { jacobiEigenvalues } from '../support/jacobiEigenvalues.js';

/**
 * Softmax regression as a ConvNet with no conv units (1×1 "images" of d features): its
 * cross-entropy Hessian is known in closed form, H = (1/n) Σᵢ (fᵢfᵢᵀ) ⊗ (diag pᵢ − pᵢpᵢᵀ) with
 * fᵢ = [xᵢ, 1].
 */
describe('flatness on a model with a closed-form Hessian', async () => {
  await initBackend({ request: 'wasm' });
  const d = 3;
  const classes = 3;
  const n = 40;
  const rng = new SeededRandom(5);
  const x = Float32Array.from({ length: n * d }, () => rng.normal());
  const y = Int32Array.from({ length: n }, () => rng.int(classes));
  const model = makeConvNet({
    architecture: 'softmax',
    scope: nextModelScope('softmax'),
    inputShape: [1, 1, d],
    numClasses: classes,
    units: [],
    featureChannels: d,
    seed: 1,
    body: (t) => t,
  });
  tf.tidy(() => model.headKernel.assign(tf.randomNormal([d, classes], 0, 1, 'float32', 3)));
  const examples = { x, y, count: n };
  const data: PreparedData = { shape: [1, 1, d], numClasses: classes, train: examples, test: examples, noisyIndices: [], augment: false };

  const W = model.headKernel.arraySync() as number[][];
  const b = model.headBias.arraySync() as number[];
  const P = params();
  const features = Array.from({ length: n }, (_, i) => [...x.slice(i * d, (i + 1) * d), 1]);
  const probabilities = features.map((f) => {
    const z = Array.from({ length: classes }, (_, c) => f.slice(0, d).reduce((s, v, j) => s + v * W[j][c], 0) + b[c]);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const total = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / total);
  });
  // parameter order: W row-major (j, c) then b (c); b behaves as feature j = d
  const index = (j: number, c: number) => (j < d ? j * classes + c : d * classes + c);
  const H = Array.from({ length: P }, () => new Array(P).fill(0));
  features.forEach((f, i) => {
    const p = probabilities[i];
    for (let j = 0; j <= d; j++)
      for (let k = 0; k <= d; k++)
        for (let c = 0; c < classes; c++)
          for (let e = 0; e < classes; e++) {
            H[index(j, c)][index(k, e)] += (f[j] * f[k] * ((c === e ? p[c] : 0) - p[c] * p[e])) / n;
          }
  });
  function params() {
    return d * classes + classes;
  }

  it('Hessian-vector products (central differences of gradients) match H·v', async () => {
    const landscape = await LossLandscape.around(model, examples, [1, 1, d]);
    const v = Float64Array.from({ length: P }, () => rng.normal());
    const hv = await landscape.hessianVectorProduct(v);
    const exact = H.map((row) => row.reduce((s, h, k) => s + h * v[k], 0));
    const scale = Math.max(...exact.map(Math.abs));
    exact.forEach((e, i) => expect(Math.abs(hv[i] - e)).toBeLessThan(2e-3 * scale));
    // symmetric: u·Hv = v·Hu
    const u = Float64Array.from({ length: P }, () => rng.normal());
    expect(dot(u, hv)).toBeCloseTo(dot(v, await landscape.hessianVectorProduct(u)), 2);
    landscape.dispose();
  });

  it('deflated power iteration finds the top eigenvalues of H', async () => {
    const reference = jacobiEigenvalues(H);
    const landscape = await LossLandscape.around(model, examples, [1, 1, d]);
    const found = await topEigenvalues({ apply: (v) => landscape.hessianVectorProduct(v), size: P, k: 2, seed: 3, maxIterations: 300, tolerance: 1e-7 });
    expect(found.values[0]).toBeCloseTo(reference[0], 3);
    expect(found.values[1]).toBeCloseTo(reference[1], 2);
    landscape.dispose();
  });

  it('gradient second moment is the mean of ‖fᵢ‖²·‖pᵢ − yᵢ‖² and the model is left untouched', async () => {
    const before = model.headKernel.dataSync().slice();
    const result = await measureFlatness({ model, data, config: { examples: 512, topK: 1, iterations: 50 }, seed: 1 });
    const expected =
      features.reduce((s, f, i) => s + f.reduce((a, v) => a + v * v, 0) * probabilities[i].reduce((a, p, c) => a + (p - (c === y[i] ? 1 : 0)) ** 2, 0), 0) / n;
    expect(result.examples).toBe(n);
    expect(result.gradientSecondMoment).toBeCloseTo(expected, 3);
    expect(result.curvature).toBeCloseTo(jacobiEigenvalues(H)[0], 2);
    expect(result.epsilonFlatness).not.toBeNull();
    expect([...model.headKernel.dataSync()]).toEqual([...before]);
  });
});

describe('epsilonFlatness', () => {
  it('on a quadratic ½λε² the loss rises by 0.1 at ε = √(0.2/λ), the smallest over directions and signs', async () => {
    const lambdas = [8, 2];
    const directions = [new Float64Array([1, 0]), new Float64Array([0, 1])];
    const eps = await epsilonFlatness({ lossAt: async (u, e) => 0.5 * (u[0] * lambdas[0] + u[1] * lambdas[1]) * e * e, directions });
    expect(eps).toBeCloseTo(Math.sqrt(0.2 / 8), 6);
  });

  it('is Infinity when the loss never rises enough', async () => {
    expect(await epsilonFlatness({ lossAt: async () => 0, directions: [new Float64Array([1])], maxEpsilon: 10 })).toBe(Infinity);
  });
});

describe('topEigenvalues', () => {
  it('costs time linear in the parameter count outside the operator (100,000 parameters, one iteration: milliseconds, where a quadratic cost takes a minute)', async () => {
    const size = 100_000;
    const started = performance.now();
    const found = await topEigenvalues({ apply: async (v) => v.map((x) => 2 * x), size, k: 1, seed: 1, maxIterations: 1 });
    expect(found.values[0]).toBeCloseTo(2, 9);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
