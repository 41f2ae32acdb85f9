import { describe, expect, it } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import { claimDesignPower } from '../../src/claims/designPower.js';
import { designBoundaries, runDesign, stageSeeds, type SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { conditionalPower, expectedSeeds } from '../../src/claims/design/normalApproximation.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { crossingProbabilities, groupSequentialBoundaries } from '../../src/stats/groupSequentialBoundaries.js';
import { lBeatsNone, syntheticContext } from '../support/syntheticClaims.js';
import { seedMatchedArms } from '../support/syntheticRuns.js';

const base = syntheticContext;
const claim = lBeatsNone;
const design: SequentialDesign = { kind: 'sequential', stageSize: 5, maxSeeds: 20, spending: 'obrien-fleming' };

/** A claim's evaluation on the first `n` seeds of fixed synthetic arms, at a stage's boundary. */
function evaluatorOn(shift: number, asked: number[]) {
  const runs = seedMatchedArms({
    n: 20,
    seed: 3,
    seedSd: 0.02,
    arms: { l13: { stability: [60, 5], best: [0.75 + shift, 0.01] }, none: { stability: [100, 0], best: [0.75, 0.01] } },
  });
  return async (n: number, critical: number | undefined) => {
    asked.push(n);
    return buildClaimReport({ ...base, definition: claim, runs: { l13: runs.l13.slice(0, n), none: runs.none.slice(0, n) }, familySize: 11, critical });
  };
}

describe('replicate designs', () => {
  it('stages add seeds per arm up to the maximum', () => {
    expect(stageSeeds(design)).toEqual([5, 10, 15, 20]);
    expect(stageSeeds({ ...design, maxSeeds: 12 })).toEqual([5, 10, 12]);
    expect(stageSeeds({ kind: 'fixed', seedsPerArm: 10 })).toEqual([10]);
    expect(() => stageSeeds({ ...design, stageSize: 1 })).toThrow(/stageSize 1 and maxSeeds 20 are not allowed/);
  });

  it('a large effect stops at the first stage whose boundary it crosses; the report names the stage, boundaries and spent α', async () => {
    const asked: number[] = [];
    const report = await runDesign({ design, alpha: 0.05, familySize: 11, evaluate: evaluatorOn(0.03, asked) });
    expect(report.verdict).toBe('supported');
    const d = report.replicateDesign;
    expect(d?.kind).toBe('sequential');
    expect(asked).toEqual(d?.seedsPerArm.slice(0, d.stage));
    expect(d?.stage).toBeLessThan(4);
    const boundaries = groupSequentialBoundaries({ fractions: [0.25, 0.5, 0.75, 1], alpha: 0.05 / 11, spending: 'obrien-fleming' });
    expect(d?.critical).toEqual(boundaries.critical);
    expect(d?.spentAlpha).toBe(boundaries.spent[(d?.stage ?? 1) - 1]);
  });

  it('no effect runs every stage to the maximum and ends undecided or absent, never supported', async () => {
    const asked: number[] = [];
    const report = await runDesign({ design, alpha: 0.05, familySize: 11, evaluate: evaluatorOn(0, asked) });
    expect(['not shown', 'absent']).toContain(report.verdict);
    if (report.verdict === 'not shown') expect(asked).toEqual([5, 10, 15, 20]);
  });

  it('a fixed design is one stage judged by the fixed rule (familySize · p ≤ α)', async () => {
    const asked: number[] = [];
    const report = await runDesign({ design: { kind: 'fixed', seedsPerArm: 10 }, alpha: 0.05, familySize: 11, evaluate: evaluatorOn(0.03, asked) });
    expect(asked).toEqual([10]);
    expect(report.replicateDesign).toMatchObject({ kind: 'fixed', stage: 1, stages: 1, seedsPerArm: [10], critical: [] });
    expect(report.verdicts[0].verdict).toBe(report.verdicts[0].pAdjusted <= 0.05 && report.verdicts[0].main.effect.value >= 0.5 ? 'supported' : report.verdict);
  });
});

describe("a candidate design for `mini` (stages of 5 seeds up to 40, O'Brien-Fleming, α = 0.05 over 11 claims)", () => {
  const candidate: SequentialDesign = { kind: 'sequential', stageSize: 5, maxSeeds: 40, spending: 'obrien-fleming' };
  const level = 0.05 / 11;

  it('expected seeds per arm under the null and at the minimum effect g_av = 0.5 (paired, arms correlated ρ)', () => {
    const rows = [0, 0.5, 0.8].map((rho) => {
      const dz = 0.5 / Math.sqrt(2 * (1 - rho));
      const drift = dz * Math.sqrt(candidate.maxSeeds);
      const boundaries = groupSequentialBoundaries({ fractions: stageSeeds(candidate).map((n) => n / 40), alpha: level, spending: 'obrien-fleming' });
      return {
        rho,
        dz: Number(dz.toFixed(3)),
        power: Number(crossingProbabilities(boundaries, drift).total.toFixed(3)),
        expectedSeeds: Number(expectedSeeds(candidate, level, drift).toFixed(1)),
      };
    });
    const underNull = expectedSeeds(candidate, level, 0);
    console.warn(`expected seeds per arm, design ${JSON.stringify(candidate)}: under the null ${underNull.toFixed(1)}; at g_av = 0.5: ${JSON.stringify(rows)}`);
    expect(underNull).toBeGreaterThan(39.5);
    // a larger correlation between arms means a larger paired effect, more power and earlier stops
    expect(rows[2].power).toBeGreaterThan(rows[1].power);
    expect(rows[2].expectedSeeds).toBeLessThan(rows[1].expectedSeeds);
  });
});

describe("designs to choose `mini`'s from (printed; normal approximation of the paired t)", () => {
  it('power and expected seeds per arm at g_av = 0.5 and α = 0.05/11, stages of 5, for maxima 30/40/50, both spending functions, arms correlated 0.4–0.8', () => {
    const level = 0.05 / 11;
    const lines: string[] = [];
    for (const maxSeeds of [30, 40, 50]) {
      for (const spending of ['obrien-fleming', 'pocock'] as const) {
        const d: SequentialDesign = { kind: 'sequential', stageSize: 5, maxSeeds, spending };
        const b = groupSequentialBoundaries({ fractions: stageSeeds(d).map((n) => n / maxSeeds), alpha: level, spending });
        const cells = [0.4, 0.5, 0.6, 0.7, 0.8].map((rho) => {
          const drift = (0.5 / Math.sqrt(2 * (1 - rho))) * Math.sqrt(maxSeeds);
          const power = crossingProbabilities(b, drift).total;
          expect(power).toBeGreaterThan(0);
          return `${power.toFixed(2)} / ${expectedSeeds(d, level, drift).toFixed(1)}`;
        });
        lines.push(`| ${maxSeeds} | ${spending} | ${cells.join(' | ')} |`);
      }
    }
    console.warn(['| max seeds | spending | ρ 0.4 | ρ 0.5 | ρ 0.6 | ρ 0.7 | ρ 0.8 |', ...lines].join('\n'));
    expect(lines).toHaveLength(6);
  });
});

describe('conditional power of an open sequential claim (normal approximation)', () => {
  const design: SequentialDesign = { kind: 'sequential', stageSize: 10, maxSeeds: 90, spending: 'obrien-fleming' };
  const level = 0.05 / 15;

  it('agrees with a simulation of the remaining stages of the score (Brownian motion with drift), within 3 SE', () => {
    const drift = 3;
    const [stage, z] = [3, 1.2];
    const seeds = stageSeeds(design);
    const t = seeds.map((n) => n / design.maxSeeds);
    const critical = designBoundaries(design, level).critical;
    const rng = new SeededRandom(5);
    const trials = 20_000;
    let reached = 0;
    for (let i = 0; i < trials; i++) {
      let score = z * Math.sqrt(t[stage - 1]);
      for (let k = stage; k < seeds.length; k++) {
        const dv = t[k] - t[k - 1];
        score += drift * dv + Math.sqrt(dv) * rng.normal();
        if (score >= critical[k] * Math.sqrt(t[k])) {
          reached++;
          break;
        }
      }
    }
    const simulated = reached / trials;
    const computed = conditionalPower(design, level, drift, stage, z);
    expect(Math.abs(computed - simulated)).toBeLessThan(3 * Math.sqrt((simulated * (1 - simulated)) / trials) + 1e-3);
    expect(conditionalPower(design, level, drift, stage, 4)).toBeGreaterThan(computed);
    expect(conditionalPower(design, level, 0, stage, z)).toBeLessThan(0.01);
    expect(conditionalPower(design, level, drift, seeds.length, z)).toBe(0);
  });
});

describe('an arm constant across seeds (the unpruned arm’s stability is 100 by definition)', () => {
  it('gives a verdict and a design power, not a crash', async () => {
    const runs = seedMatchedArms({
      n: 10,
      seed: 4,
      seedSd: 0.02,
      arms: { l13: { stability: [60, 5], best: [0.75, 0.01] }, none: { stability: [100, 0], best: [0.75, 0.01] } },
    });
    const definition = { ...claim, hypothesis: { kind: 'greater', metric: 'stability', arm: 'none', than: 'l13' } } as const;
    const report = await runDesign({
      design: { kind: 'sequential', stageSize: 5, maxSeeds: 10, spending: 'obrien-fleming' },
      alpha: 0.05,
      familySize: 11,
      evaluate: async (n, critical) =>
        buildClaimReport({ ...base, definition, runs: { l13: runs.l13.slice(0, n), none: runs.none.slice(0, n) }, familySize: 11, critical }),
    });
    expect(report.verdict).toBe('supported');
    const power = await claimDesignPower(report);
    expect(power?.correlation).toBe(0);
    expect(power?.supported).toBeGreaterThan(0);
  });
});
