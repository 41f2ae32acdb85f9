import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { normalQuantile } from '../../src/stats/distributions.js';
import { crossingProbabilities, groupSequentialBoundaries, type SpendingFunction } from '../../src/stats/groupSequentialBoundaries.js';
import { pairedT } from '../../src/stats/pairedT.js';

// Critical values of one-sided Lan-DeMets designs at α = 0.05 with equally spaced stages, computed
// once with R's rpact 3.3.4 (Debian r-cran-rpact) by tools/reference/group_sequential.R:
// getDesignGroupSequential(kMax = K, alpha = 0.05, sided = 1, typeOfDesign = 'asOF' | 'asP')$criticalValues.
const rpact: Record<SpendingFunction, Record<number, number[]>> = {
  'obrien-fleming': {
    2: [2.537988, 1.662107],
    3: [3.200102, 2.140815, 1.694812],
    4: [3.749552, 2.539943, 2.01607, 1.720177],
    5: [4.229195, 2.888137, 2.29809, 1.961821, 1.739705],
  },
  pocock: {
    2: [1.866214, 1.884875],
    3: [2.002014, 1.993797, 1.980304],
    4: [2.099903, 2.076712, 2.053163, 2.034769],
    5: [2.176211, 2.143748, 2.113285, 2.089599, 2.070998],
  },
};

describe('group-sequential boundaries (Lan-DeMets α-spending) against rpact', () => {
  for (const spending of ['obrien-fleming', 'pocock'] as const) {
    for (const k of [2, 3, 4, 5]) {
      it(`${spending}, ${k} equally spaced stages, one-sided α = 0.05`, () => {
        const fractions = Array.from({ length: k }, (_, i) => (i + 1) / k);
        const design = groupSequentialBoundaries({ fractions, alpha: 0.05, spending });
        design.critical.forEach((c, i) => expect(c, `stage ${i + 1}`).toBeCloseTo(rpact[spending][k][i], 5));
        expect(crossingProbabilities(design, 0).total).toBeCloseTo(0.05, 5);
      });
    }
  }

  it('with a single stage it is the fixed one-sided test; errors name what is allowed', () => {
    expect(groupSequentialBoundaries({ fractions: [1], alpha: 0.05, spending: 'pocock' }).critical[0]).toBeCloseTo(normalQuantile(0.95), 8);
    expect(() => groupSequentialBoundaries({ fractions: [0.5, 0.4, 1], alpha: 0.05, spending: 'pocock' })).toThrow(/fractions must increase strictly/);
    expect(() => groupSequentialBoundaries({ fractions: [1], alpha: 0.7, spending: 'pocock' })).toThrow(/alpha 0.7 is not allowed/);
  });
});

describe('a sequential paired t-test on seed-correlated pairs, stopped at these boundaries', () => {
  const alpha = 0.05;
  const trials = 2000;
  const se = Math.sqrt((alpha * (1 - alpha)) / trials);
  const stage = 5;
  const stages = 4;
  const design = groupSequentialBoundaries({ fractions: [0.25, 0.5, 0.75, 1], alpha, spending: 'obrien-fleming' });

  /** Seeds per arm used and whether the claim was supported, for one trial with true paired effect `shift`. */
  function trial(rng: SeededRandom, shift: number, correlation: number): { seeds: number; supported: boolean } {
    const a: number[] = [];
    const b: number[] = [];
    for (let k = 0; k < stages; k++) {
      for (let i = 0; i < stage; i++) {
        const seedPart = Math.sqrt(correlation) * rng.normal();
        a.push(shift + seedPart + Math.sqrt(1 - correlation) * rng.normal());
        b.push(seedPart + Math.sqrt(1 - correlation) * rng.normal());
      }
      // the stage's one-sided paired-t p-value as a z statistic, compared with the stage's boundary
      const z = normalQuantile(1 - pairedT(a, b, { alternative: 'greater' }).pValue);
      if (z >= design.critical[k]) return { seeds: a.length, supported: true };
    }
    return { seeds: a.length, supported: false };
  }

  it(`keeps the type I error at α (≤ α + 3 SE over ${trials} trials) for arms correlated 0.5 and 0.9, and stops early under an effect`, () => {
    for (const correlation of [0.5, 0.9]) {
      const rng = new SeededRandom(Math.round(correlation * 100));
      const rate = Array.from({ length: trials }, () => trial(rng, 0, correlation)).filter((t) => t.supported).length / trials;
      expect(rate, `correlation ${correlation}`).toBeLessThanOrEqual(alpha + 3 * se);
    }
    const rng = new SeededRandom(7);
    // a paired effect of 0.9 SD of the differences (correlation 0.8: difference SD √0.4 ≈ 0.63)
    const runs = Array.from({ length: 500 }, () => trial(rng, 0.57, 0.8));
    const meanSeeds = runs.reduce((s, r) => s + r.seeds, 0) / runs.length;
    expect(runs.filter((r) => r.supported).length / runs.length).toBeGreaterThan(0.8);
    expect(meanSeeds).toBeLessThan(stage * stages);
  });
});
