import { describe, expect, it } from 'vitest';
import { buildClaimReport, readingsOf } from '../../src/claims/buildClaimReport.js';
import type { ClaimDefinition } from '../../src/claims/claimDefinition.js';
import { paperArms } from '../../src/claims/paperArms.js';
import { syntheticArm, syntheticRun } from '../support/syntheticRuns.js';

const base = { profile: { name: 'synthetic', description: 'synthetic runs' }, seedPhase: 'confirmation', backend: 'cpu', tfjsVersion: '4.22.0', durationSeconds: 0 };
const greater: ClaimDefinition = {
  id: 'l-beats-none',
  title: 'Prune_L beats none',
  paperClaim: 'Claim 2',
  arms: { l13: paperArms.pruneLLarge, none: paperArms.baseline },
  hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'none' },
  minEffect: { measure: 'hedges-g', value: 0.5 },
};

describe('claim verdicts on synthetic runs', () => {
  it('supported: a large effect in the claimed direction, significant after the family correction', () => {
    const runs = { l13: syntheticArm({ n: 10, seed: 1, stability: [60, 5], best: [0.8, 0.01] }), none: syntheticArm({ n: 10, seed: 2, stability: [100, 0], best: [0.76, 0.01] }) };
    const report = buildClaimReport({ ...base, definition: greater, runs, familySize: 11 });
    expect(report.verdict).toBe('supported');
    expect(report.decidingMetric).toBe('best');
    expect(report.verdicts.map((v) => v.metric)).toEqual(['best', 'final', 'heldout']);
    expect(report.verdicts[0].pAdjusted).toBeCloseTo(Math.min(1, report.verdicts[0].main.pValue * 11), 12);
    expect(report.verdicts[0].main.effect.value).toBeGreaterThan(2);
    expect(report.arms.map((a) => a.runs.length)).toEqual([10, 10]);
  });

  it('contradicted: significant in the opposite direction', () => {
    const runs = { l13: syntheticArm({ n: 10, seed: 1, stability: [60, 5], best: [0.7, 0.01] }), none: syntheticArm({ n: 10, seed: 2, stability: [100, 0], best: [0.76, 0.01] }) };
    expect(buildClaimReport({ ...base, definition: greater, runs, familySize: 11 }).verdict).toBe('contradicted');
  });

  it('not shown: no difference, or significant but below the minimum effect', () => {
    const same = { l13: syntheticArm({ n: 10, seed: 1, stability: [60, 5], best: [0.76, 0.01] }), none: syntheticArm({ n: 10, seed: 1, stability: [100, 0], best: [0.76, 0.01] }) };
    expect(buildClaimReport({ ...base, definition: greater, runs: same, familySize: 1 }).verdict).toBe('not shown');
    const tiny = { l13: syntheticArm({ n: 200, seed: 3, stability: [60, 5], best: [0.762, 0.01] }), none: syntheticArm({ n: 200, seed: 4, stability: [100, 0], best: [0.76, 0.01] }) };
    const report = buildClaimReport({ ...base, definition: { ...greater, minEffect: { measure: 'mean-difference', value: 0.01 } }, runs: tiny, familySize: 1 });
    expect(report.verdicts[0].main.pValue).toBeLessThan(0.05);
    expect(report.verdict).toBe('not shown');
  });

  it('ordered claims need the trend and every adjacent pair', () => {
    const definition: ClaimDefinition = {
      id: 'order',
      title: 'order',
      paperClaim: 'Claim 1',
      arms: { a: paperArms.baseline, b: paperArms.pruneSSmall, c: paperArms.pruneSLarge },
      hypothesis: { kind: 'ordered', metric: 'stability', order: ['a', 'b', 'c'] },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    };
    const arm = (seed: number, s: number) => syntheticArm({ n: 10, seed, stability: [s, 2], best: [0.7, 0.01] });
    expect(buildClaimReport({ ...base, definition, runs: { a: arm(1, 95), b: arm(2, 85), c: arm(3, 75) }, familySize: 11 }).verdict).toBe('supported');
    const tied = buildClaimReport({ ...base, definition, runs: { a: arm(1, 95), b: arm(2, 75), c: arm(3, 75) }, familySize: 11 });
    expect(tied.verdict).toBe('not shown');
    expect(tied.verdicts[0].pairwise).toHaveLength(2);
    expect(tied.verdicts[0].pairwise[1].pHolm).toBeGreaterThan(0.05);
  });

  it('correlation claims pair x and y of the same runs, and diverged runs are left out', () => {
    const definition: ClaimDefinition = {
      id: 'corr',
      title: 'corr',
      paperClaim: 'Claim 3',
      arms: { a: paperArms.baseline, b: paperArms.pruneLLarge },
      hypothesis: { kind: 'correlation', x: 'stability', y: 'best', arms: ['a', 'b'], sign: 'negative' },
      minEffect: { measure: 'correlation', value: 0.2 },
    };
    const a = Array.from({ length: 8 }, (_, i) => syntheticRun({ seed: i, stability: 100, best: 0.7 + 0.001 * i }));
    const b = Array.from({ length: 8 }, (_, i) => syntheticRun({ seed: i, stability: 50 + i, best: 0.8 - 0.002 * i }));
    const diverged = { ...syntheticRun({ seed: 99, stability: 0, best: 0 }), diverged: { epoch: 1, step: 3 } };
    const report = buildClaimReport({ ...base, definition, runs: { a, b: [...b, diverged] }, familySize: 3 });
    expect(report.verdicts[0].n).toEqual({ runs: 16 });
    expect(report.verdicts[0].main.statistic).toBeLessThan(-0.8);
    expect(report.verdict).toBe('supported');
  });

  it('accuracy and gap hypotheses are read under best, final and held-out; others under their own metric', () => {
    expect(readingsOf({ kind: 'greater', metric: 'final', arm: 'a', than: 'b' }).deciding).toBe('final');
    expect(readingsOf({ kind: 'correlation', x: 'stability', y: 'gap', arms: [], sign: 'positive' }).readings.map((r) => r.metric)).toEqual(['gap', 'final-gap', 'heldout-gap']);
    expect(readingsOf({ kind: 'below', metric: 'stability', arm: 'a', value: 100 }).readings.map((r) => r.metric)).toEqual(['stability']);
  });
});
