import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { createConvBnUnit } from '../../src/engine/models/convBnUnit.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { tf } from '../../src/engine/tf.js';
import { scoreRegistry } from '../../src/pruning/scores/scoreRegistry.js';
import { selectionRegistry } from '../../src/pruning/selections.js';

describe('filter scores', async () => {
  await initBackend({ request: 'wasm' });
  const unit = createConvBnUnit({ name: 'conv0', scope: 'score-test', inChannels: 1, outChannels: 3, kernelSize: 1, seed: 0 });
  unit.kernel.assign(tf.tensor4d([3, -4, 0.5], [1, 1, 1, 3]));
  unit.gamma.assign(tf.tensor1d([1, 0, -2]));
  unit.beta.assign(tf.tensor1d([0, 0.5, 1]));

  it('l2 and l1 are the filter norms', async () => {
    expect([...(await scoreRegistry.l2({ unit }))]).toEqual([3, 4, 0.5]);
    expect([...(await scoreRegistry.l1({ unit }))]).toEqual([3, 4, 0.5]);
  });

  it('ebn is E[ReLU(γz + β)] for z ~ N(0, 1) (closed form checked against known values)', async () => {
    const [a, b, c] = await scoreRegistry.ebn({ unit });
    expect(a).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 6); // β = 0, |γ| = 1: φ(0)
    expect(b).toBe(0.5); // γ = 0: max(0, β)
    // β = 1, |γ| = 2: 1·Φ(0.5) + 2·φ(0.5) = 0.691462 + 2·0.352065
    expect(c).toBeCloseTo(0.691462 + 2 * 0.352065, 5);
  });

  it('l2-bn scales the norm by |γ|/√(var + ε)', async () => {
    expect((await scoreRegistry['l2-bn']({ unit }))[2]).toBeCloseTo((0.5 * 2) / Math.sqrt(1 + 1e-5), 6);
  });

  it('activations needs tracked statistics and names the layer otherwise', async () => {
    await expect(scoreRegistry.activations({ unit })).rejects.toThrow(/conv0: no activation statistics/);
    expect([...(await scoreRegistry.activations({ unit, activations: new Float64Array([1, 2, 3]) }))]).toEqual([1, 2, 3]);
  });
});

describe('selections', () => {
  const scores = [5, 1, 9, 1, 7];
  const rng = new SeededRandom(1);
  it('smallest (Prune_S) and largest (Prune_L) pick by score among candidates, ties by index', () => {
    expect(selectionRegistry.smallest({ scores, candidates: [0, 1, 2, 3, 4], count: 2, rng })).toEqual([1, 3]);
    expect(selectionRegistry.largest({ scores, candidates: [0, 1, 3, 4], count: 2, rng })).toEqual([4, 0]);
  });
  it('random (Prune_R) is seeded and picks distinct candidates', () => {
    const a = selectionRegistry.random({ scores, candidates: [0, 1, 2, 3, 4], count: 3, rng: new SeededRandom(7) });
    const b = selectionRegistry.random({ scores, candidates: [0, 1, 2, 3, 4], count: 3, rng: new SeededRandom(7) });
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
  });
});
