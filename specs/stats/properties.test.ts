import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import type { Alternative } from '../../src/stats/alternative.js';
import { cliffsDelta } from '../../src/stats/cliffsDelta.js';
import { cohensD } from '../../src/stats/cohensD.js';
import { hedgesG } from '../../src/stats/hedgesG.js';
import { jonckheereTerpstra } from '../../src/stats/jonckheereTerpstra.js';
import { kendallTauB } from '../../src/stats/kendallTauB.js';
import { mannWhitneyU } from '../../src/stats/mannWhitneyU.js';
import { pearson } from '../../src/stats/pearson.js';
import { permutationPValue } from '../../src/stats/permutationPValue.js';
import { spearman } from '../../src/stats/spearman.js';
import { welchT } from '../../src/stats/welchT.js';

const alpha = 0.05;
const datasets = 2000;
const standardError = Math.sqrt((alpha * (1 - alpha)) / datasets);

/** Rejection rate of a test over seeded null datasets. */
function rejectionRate(pValue: (rng: SeededRandom) => number, seed: number): number {
  const rng = new SeededRandom(seed);
  let rejected = 0;
  for (let i = 0; i < datasets; i++) if (pValue(rng) <= alpha) rejected += 1;
  return rejected / datasets;
}

const normals = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.normal());
const roundedNormals = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => Math.round(rng.normal() * 2));

describe(`under a simulated null, each test rejects at α = ${alpha} within ±3 SE over ${datasets} seeded datasets`, () => {
  const nullCases: [string, (rng: SeededRandom) => number][] = [
    [
      'Welch t (unequal sizes and variances)',
      (r) =>
        welchT(
          normals(r, 8),
          normals(r, 12).map((v) => 3 * v),
        ).pValue,
    ],
    ['Mann-Whitney exact', (r) => mannWhitneyU(normals(r, 9), normals(r, 10)).pValue],
    ['Mann-Whitney normal, with ties', (r) => mannWhitneyU(roundedNormals(r, 30), roundedNormals(r, 28)).pValue],
    ['permutation (unequal sizes)', (r) => permutationPValue(normals(r, 6), normals(r, 14), { permutations: 199, seed: r.nextUint32() }).pValue],
    ['Pearson', (r) => pearson(normals(r, 15), normals(r, 15)).pValue],
    ['Spearman', (r) => spearman(normals(r, 20), normals(r, 20)).pValue],
    ['Kendall exact', (r) => kendallTauB(normals(r, 12), normals(r, 12)).pValue],
    ['Kendall with ties', (r) => kendallTauB(roundedNormals(r, 25), roundedNormals(r, 25)).pValue],
    [
      'Jonckheere-Terpstra (one-sided)',
      (r) => jonckheereTerpstra([normals(r, 8), normals(r, 8), normals(r, 8), normals(r, 8)], { direction: 'decreasing' }).pValue,
    ],
  ];
  nullCases.forEach(([name, pValue], i) => {
    it(name, () => {
      const rate = rejectionRate(pValue, 1000 + i);
      expect(rate).toBeGreaterThanOrEqual(alpha - 3 * standardError);
      expect(rate).toBeLessThanOrEqual(alpha + 3 * standardError);
    });
  });

  it('one-sided tests too (Welch greater, Mann-Whitney less, Pearson less)', () => {
    const one: [(r: SeededRandom) => number, number][] = [
      [(r) => welchT(normals(r, 10), normals(r, 10), { alternative: 'greater' }).pValue, 1],
      [(r) => mannWhitneyU(normals(r, 10), normals(r, 10), { alternative: 'less' }).pValue, 2],
      [(r) => pearson(normals(r, 12), normals(r, 12), { alternative: 'less' }).pValue, 3],
    ];
    for (const [test, seed] of one) {
      const rate = rejectionRate(test, seed);
      expect(Math.abs(rate - alpha)).toBeLessThanOrEqual(3 * standardError);
    }
  });
});

const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 12 });
/** Measurements as they occur (no subnormal doubles, which a shift can erase). */
const measured = fc.array(
  fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 1000),
  { minLength: 3, maxLength: 12 },
);
const alternatives = fc.constantFrom<Alternative>('two-sided', 'greater', 'less');

describe('properties of the statistics', () => {
  it('every p-value lies in [0, 1]', () => {
    fc.assert(
      fc.property(sample, sample, alternatives, (a, b, alternative) => {
        const n = Math.min(a.length, b.length);
        for (const p of [
          welchT(a, b, { alternative }).pValue,
          mannWhitneyU(a, b, { alternative }).pValue,
          permutationPValue(a, b, { alternative, permutations: 49 }).pValue,
          kendallTauB(a.slice(0, n), b.slice(0, n), { alternative }).pValue,
        ]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it("swapping the groups flips the sign of Cohen's d, Hedges' g and Cliff's δ", () => {
    fc.assert(
      fc.property(measured, measured, (a, b) => {
        fc.pre(new Set(a).size > 1 || new Set(b).size > 1);
        expect(cohensD(b, a).value).toBeCloseTo(-cohensD(a, b).value, 9);
        expect(hedgesG(b, a).value).toBeCloseTo(-hedgesG(a, b).value, 9);
        expect(cliffsDelta(b, a).value).toBeCloseTo(-cliffsDelta(a, b).value, 12);
      }),
      { numRuns: 40, seed: 6 },
    );
  });

  it('shifting both groups by the same amount changes no test or effect size', () => {
    fc.assert(
      fc.property(measured, measured, fc.integer({ min: -50, max: 50 }), (a, b, shift) => {
        fc.pre(new Set([...a, ...b]).size > 2);
        const a2 = a.map((v) => v + shift);
        const b2 = b.map((v) => v + shift);
        expect(welchT(a2, b2).pValue).toBeCloseTo(welchT(a, b).pValue, 6);
        expect(mannWhitneyU(a2, b2).pValue).toBeCloseTo(mannWhitneyU(a, b).pValue, 9);
        expect(cohensD(a2, b2).value).toBeCloseTo(cohensD(a, b).value, 6);
        expect(cliffsDelta(a2, b2).value).toBe(cliffsDelta(a, b).value);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('Jonckheere-Terpstra agrees with a Monte-Carlo permutation p-value of J', () => {
    const groups = [
      [9.1, 8.7, 9.5, 8.2, 9.9],
      [8.8, 8.1, 8.9, 7.9, 8.3],
      [7.6, 8.4, 7.7, 8.0, 7.2],
    ];
    const observed = jonckheereTerpstra(groups, { direction: 'decreasing' });
    const rng = new SeededRandom(9);
    const pooled = groups.flat();
    let extreme = 0;
    const k = 20000;
    for (let i = 0; i < k; i++) {
      const p = rng.shuffle([...pooled]) as number[];
      const j = jonckheereTerpstra([p.slice(0, 5), p.slice(5, 10), p.slice(10)], { direction: 'decreasing' }).statistic;
      if (j >= observed.statistic) extreme++;
    }
    expect(observed.pValue).toBeCloseTo(extreme / k, 2);
  });
});
