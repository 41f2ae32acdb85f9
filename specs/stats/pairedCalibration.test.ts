import fc from 'fast-check';
import { sampleCorrelation, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { evaluateHypothesis, type DecisionRule } from '../../src/claims/decide/evaluateHypothesis.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { clusterJackknifeCorrelation } from '../../src/stats/clusterJackknifeCorrelation.js';
import { cohensDz } from '../../src/stats/cohensDz.js';
import { kendallTauB } from '../../src/stats/kendallTauB.js';
import { pageTrend } from '../../src/stats/pageTrend.js';
import { pairedT } from '../../src/stats/pairedT.js';
import { pearson } from '../../src/stats/pearson.js';
import { signFlip } from '../../src/stats/signFlip.js';
import { standardisedEquivalence } from '../../src/stats/standardisedEquivalence.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxonSignedRank.js';

const alpha = 0.05;
const datasets = 2000;
const standardError = Math.sqrt((alpha * (1 - alpha)) / datasets);
const within3SE = (rate: number) => Math.abs(rate - alpha) <= 3 * standardError;

/** Share of seeded datasets where `reject` holds. */
function rate(seed: number, reject: (rng: SeededRandom) => boolean): number {
  const rng = new SeededRandom(seed);
  let count = 0;
  for (let i = 0; i < datasets; i++) if (reject(rng)) count += 1;
  return count / datasets;
}

/**
 * k arms × n seeds with the dependence of seed-matched runs: each seed adds one shared N(0, ρ) part
 * to every arm (correlation ρ between arms), each run its own N(0, 1 − ρ) part; `shift[j]` moves arm j.
 */
function seedBlocked(rng: SeededRandom, n: number, correlation: number, shift: readonly number[]): number[][] {
  return Array.from({ length: n }, () => {
    const seedPart = Math.sqrt(correlation) * rng.normal();
    return shift.map((s) => s + seedPart + Math.sqrt(1 - correlation) * rng.normal());
  });
}
const column = (blocks: number[][], j: number) => blocks.map((b) => b[j]);

describe(`paired tests with seed-correlated arms reject at α = ${alpha} within ±3 SE over ${datasets} seeded null datasets`, () => {
  for (const correlation of [0.5, 0.8, 0.95]) {
    it(`correlation ${correlation} between arms, 10 seeds: paired t, Wilcoxon signed-rank (exact), sign-flip (exact), Page's L (4 arms)`, () => {
      const two = (test: (a: number[], b: number[]) => number, seed: number) =>
        rate(seed, (rng) => {
          const blocks = seedBlocked(rng, 10, correlation, [0, 0]);
          return test(column(blocks, 0), column(blocks, 1)) <= alpha;
        });
      const rates = {
        pairedT: two((a, b) => pairedT(a, b, { alternative: 'greater' }).pValue, 1),
        wilcoxon: two((a, b) => wilcoxonSignedRank(a, b, { alternative: 'greater' }).pValue, 2),
        signFlip: two((a, b) => signFlip(a, b, { alternative: 'greater' }).pValue, 3),
        page: rate(4, (rng) => pageTrend(seedBlocked(rng, 10, correlation, [0, 0, 0, 0])).pValue <= alpha),
      };
      for (const [test, r] of Object.entries(rates)) expect(within3SE(r), `${test}: ${r}`).toBe(true);
    });
  }

  it('the unpaired Welch test ignores the dependence: at correlation 0.8 it rejects far below α (the power the pairing recovers)', () => {
    const welchLike = rate(5, (rng) => {
      const blocks = seedBlocked(rng, 10, 0.8, [0, 0]);
      const a = column(blocks, 0);
      const b = column(blocks, 1);
      const se = Math.sqrt(sampleStandardDeviation(a) ** 2 / 10 + sampleStandardDeviation(b) ** 2 / 10);
      return (a.reduce((s, v) => s + v, 0) - b.reduce((s, v) => s + v, 0)) / 10 / se > 1.734; // t(0.95, 18)
    });
    expect(welchLike).toBeLessThan(alpha - 3 * standardError);
  });
});

/**
 * G seeds × K arms, x and y each with a seed-level part (share `cluster`) that is independent of the
 * other's: no association between x and y, but runs of a seed are alike; x also differs between arms.
 */
function clusteredNull(rng: SeededRandom, seeds: number, arms: number, cluster: number, armStep: number): { x: number[]; y: number[]; seed: number[] } {
  const out = { x: [] as number[], y: [] as number[], seed: [] as number[] };
  for (let g = 0; g < seeds; g++) {
    const u = rng.normal();
    const v = rng.normal();
    for (let a = 0; a < arms; a++) {
      out.x.push(armStep * a + Math.sqrt(cluster) * u + Math.sqrt(1 - cluster) * rng.normal());
      out.y.push(Math.sqrt(cluster) * v + Math.sqrt(1 - cluster) * rng.normal());
      out.seed.push(g);
    }
  }
  return out;
}

describe('pooled correlations over seed-matched runs (10 seeds × 4 arms)', () => {
  const r = (a: readonly number[], b: readonly number[]) => sampleCorrelation([...a], [...b]);
  const rejects = (d: ReturnType<typeof clusteredNull>, statistic: (a: readonly number[], b: readonly number[]) => number) =>
    clusterJackknifeCorrelation(d.x, d.y, d.seed, statistic, { alternative: 'greater' }).pValue <= alpha;
  for (const [cluster, armStep] of [
    [0.5, 2],
    [0.9, 2],
    [0.9, 0],
  ] as const) {
    it(`runs of a seed share ${cluster} of their variance, arms ${armStep ? 'differ in x' : 'alike'}: the seed-cluster jackknife rejects within ±3 SE of α`, () => {
      const jackknife = rate(6, (rng) => rejects(clusteredNull(rng, 10, 4, cluster, armStep), r));
      expect(within3SE(jackknife), `jackknife ${jackknife}`).toBe(true);
    });
  }

  it('with 4 seeds (the ci profile) it stays at or below α + 3 SE (conservative: measured 0.036-0.043 at α = 0.05)', () => {
    for (const [cluster, armStep] of [
      [0.5, 2],
      [0.9, 0],
    ] as const) {
      const small = rate(9, (rng) => rejects(clusteredNull(rng, 4, 4, cluster, armStep), r));
      expect(small, `4 seeds, share ${cluster}: ${small}`).toBeLessThanOrEqual(alpha + 3 * standardError);
    }
  });

  it('Kendall τ through the same jackknife, and the classic Pearson test, which rejects too often when runs cluster', () => {
    const kendall = rate(7, (rng) => rejects(clusteredNull(rng, 10, 4, 0.9, 2), (a, b) => kendallTauB(a, b).statistic));
    expect(within3SE(kendall), `kendall ${kendall}`).toBe(true);
    const classic = rate(8, (rng) => {
      const d = clusteredNull(rng, 10, 4, 0.9, 0);
      return pearson(d.x, d.y, { alternative: 'greater' }).pValue <= alpha;
    });
    expect(classic, `classic ${classic}`).toBeGreaterThan(alpha + 3 * standardError);
  });
});

describe('TOST declares `absent` at most α + 3 SE of the time when the true effect equals the margin', () => {
  for (const correlation of [0.5, 0.8, 0.95]) {
    it(`paired, g_av = 0.5 exactly, arms correlated ${correlation}, 30 seeds`, () => {
      const absent = rate(10 + Math.round(correlation * 100), (rng) => {
        const blocks = seedBlocked(rng, 30, correlation, [0.5, 0]);
        return standardisedEquivalence(column(blocks, 0), column(blocks, 1), { design: 'paired', margin: 0.5 }).pValue <= alpha;
      });
      expect(absent).toBeLessThanOrEqual(alpha + 3 * standardError);
      expect(absent).toBeGreaterThan(0.01); // the test can declare it: the rate sits near α, not at 0
    });
  }

  it('unpaired, g = 0.5 exactly, 30 runs per arm', () => {
    const absent = rate(20, (rng) => {
      const a = Array.from({ length: 30 }, () => 0.5 + rng.normal());
      const b = Array.from({ length: 30 }, () => rng.normal());
      return standardisedEquivalence(a, b, { design: 'unpaired', margin: 0.5 }).pValue <= alpha;
    });
    expect(absent).toBeLessThanOrEqual(alpha + 3 * standardError);
    expect(absent).toBeGreaterThan(0.01);
  });

  it('a pooled correlation of exactly 0.3 over 40 seeds × 3 arms whose runs cluster by seed (seed-cluster jackknife, through evaluateHypothesis)', () => {
    const g = 40;
    const rule: DecisionRule = { alpha, minEffect: { measure: 'correlation', value: 0.3 }, familySize: 1, metric: 'best', seed: 1, windowStart: 0 };
    const absent = rate(21, (rng) => {
      const x: number[][] = [[], [], []];
      const y: number[][] = [[], [], []];
      for (let s = 0; s < g; s++) {
        // seed part and run part each bivariate normal with correlation 0.3: the pooled correlation is 0.3
        const u1 = rng.normal();
        const u2 = 0.3 * u1 + Math.sqrt(1 - 0.09) * rng.normal();
        for (let a = 0; a < 3; a++) {
          const e1 = rng.normal();
          const e2 = 0.3 * e1 + Math.sqrt(1 - 0.09) * rng.normal();
          x[a].push(Math.sqrt(0.6) * u1 + Math.sqrt(0.4) * e1);
          y[a].push(Math.sqrt(0.6) * u2 + Math.sqrt(0.4) * e2);
        }
      }
      const arm = (a: number) => ({ seeds: Array.from({ length: g }, (_, s) => s), values: x[a], second: y[a] });
      const v = evaluateHypothesis(
        { kind: 'correlation', x: 'stability', y: 'best', arms: ['a', 'b', 'c'], sign: 'positive' },
        { a: arm(0), b: arm(1), c: arm(2) },
        rule,
      );
      return v.verdict === 'absent';
    });
    expect(absent).toBeLessThanOrEqual(alpha + 3 * standardError);
  });

  it('a claim decides `absent` on exactly this test (hedges-g minimum, paired)', () => {
    const rng = new SeededRandom(30);
    const blocks = seedBlocked(rng, 30, 0.8, [0.05, 0]);
    const seeds = blocks.map((_, i) => i);
    const rule: DecisionRule = { alpha, minEffect: { measure: 'hedges-g', value: 0.5 }, familySize: 1, metric: 'best', seed: 1, windowStart: 0 };
    const v = evaluateHypothesis(
      { kind: 'greater', metric: 'best', arm: 'a', than: 'b' },
      { a: { seeds, values: column(blocks, 0) }, b: { seeds, values: column(blocks, 1) } },
      rule,
    );
    const direct = standardisedEquivalence(column(blocks, 0), column(blocks, 1), { design: 'paired', margin: 0.5 });
    expect(v.equivalence.pValue).toBe(direct.pValue);
    expect(v.equivalence.upper).toBe(direct.upper);
    expect(v.verdict).toBe(direct.pValue <= alpha ? 'absent' : 'not shown');
  });
});

describe('paired statistics: invariants', () => {
  const pairs = fc
    .integer({ min: 4, max: 14 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    );
  const distinct = (a: number[], b: number[]) => new Set(a.map((v, i) => v - b[i])).size === a.length && a.every((v, i) => v !== b[i]);

  it('swapping the arms flips the sign of t and d_z and swaps the one-sided p-values of every paired test', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        fc.pre(distinct(a, b) && sampleStandardDeviation(a.map((v, i) => v - b[i])) > 1e-6);
        expect(pairedT(b, a).statistic).toBeCloseTo(-pairedT(a, b).statistic, 9);
        expect(cohensDz(b, a).value).toBeCloseTo(-cohensDz(a, b).value, 9);
        expect(wilcoxonSignedRank(b, a, { alternative: 'greater' }).pValue).toBeCloseTo(wilcoxonSignedRank(a, b, { alternative: 'less' }).pValue, 12);
        expect(signFlip(b, a, { alternative: 'greater' }).pValue).toBeCloseTo(signFlip(a, b, { alternative: 'less' }).pValue, 12);
      }),
      { numRuns: 60, seed: 1 },
    );
  });

  it("adding a per-seed constant to both arms changes no paired test, no d_z and not Page's L; every p is in [0, 1]", () => {
    fc.assert(
      fc.property(pairs, ([a, b, seedShift]) => {
        fc.pre(distinct(a, b));
        const a2 = a.map((v, i) => v + seedShift[i]);
        const b2 = b.map((v, i) => v + seedShift[i]);
        fc.pre(distinct(a2, b2) && a2.every((v, i) => Math.sign(v - b2[i]) === Math.sign(a[i] - b[i])));
        // the differences are the same up to rounding: compare the tests on them
        expect(pairedT(a2, b2).pValue).toBeCloseTo(pairedT(a, b).pValue, 6);
        expect(cohensDz(a2, b2).value).toBeCloseTo(cohensDz(a, b).value, 6);
        const w = wilcoxonSignedRank(a, b).pValue;
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(1);
        expect(signFlip(a2, b2).pValue).toBeCloseTo(signFlip(a, b).pValue, 12);
        const blocks = a.map((v, i) => [v, b[i]]);
        const shifted = a2.map((v, i) => [v, b2[i]]);
        expect(pageTrend(shifted).pValue).toBe(pageTrend(blocks).pValue);
        for (const p of [pairedT(a, b).pValue, signFlip(a, b).pValue, pageTrend(blocks).pValue]) expect(p >= 0 && p <= 1).toBe(true);
      }),
      { numRuns: 60, seed: 2 },
    );
  });
});
