import { describe, expect, it } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import { outcomeOf } from '../../src/claims/decide/decisionRule.js';
import { stepsText } from '../../src/claims/decisionText.js';
import { readingsOf, type ArmRuns } from '../../src/claims/decide/hypothesisReadings.js';
import type { ClaimDefinition } from '../../src/claims/dsl/claimDefinition.js';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import type { RunResult } from '../../src/results/runResult.js';
import { lBeatsNone, syntheticContext } from '../support/syntheticClaims.js';
import { seedMatchedArms, syntheticArm, syntheticRun } from '../support/syntheticRuns.js';

const base = syntheticContext;
const greater = lBeatsNone;
const report = (definition: ClaimDefinition, runs: ArmRuns, familySize = 11) => buildClaimReport({ ...base, definition, runs, familySize });
const reseed = (runs: readonly RunResult[], offset: number) => runs.map((r) => ({ ...r, seed: r.seed + offset }));

describe('claim verdicts on synthetic runs', () => {
  it('supported: seed-matched arms are compared by a paired t-test, with g_av as effect and d_z beside it', () => {
    const runs = seedMatchedArms({
      n: 10,
      seed: 1,
      seedSd: 0.02,
      arms: { l13: { stability: [60, 5], best: [0.8, 0.005] }, none: { stability: [100, 0], best: [0.78, 0.005] } },
    });
    const r = report(greater, runs);
    expect(r.verdict).toBe('supported');
    expect(r.decidingMetric).toBe('best');
    expect(r.verdicts.map((v) => v.metric)).toEqual(['best', 'final', 'heldout', 'best-authors']);
    const v = r.verdicts[0];
    expect(v.design).toBe('paired');
    expect(v.main.test).toBe('paired-t');
    expect(v.main.effect.name).toBe("Hedges' g_av");
    expect(v.main.pairedEffect?.name).toBe('d_z');
    expect(v.main.pairedEffect?.value).toBeGreaterThan(v.main.effect.value);
    expect(v.pAdjusted).toBeCloseTo(Math.min(1, v.main.pValue * 11), 12);
    expect(r.arms.map((a) => a.runs.length)).toEqual([10, 10]);
  });

  it('pairing is what finds a seed-blocked effect: the same values on disjoint seeds are unpaired (Welch) and not shown', () => {
    const runs = seedMatchedArms({
      n: 10,
      seed: 2,
      seedSd: 0.03,
      arms: { l13: { stability: [60, 5], best: [0.8, 0.004] }, none: { stability: [100, 0], best: [0.78, 0.004] } },
    });
    const paired = report(greater, runs).verdicts[0];
    const unpaired = report(greater, { l13: runs.l13, none: reseed(runs.none, 1000) }).verdicts[0];
    expect(paired.design).toBe('paired');
    expect(unpaired.design).toBe('unpaired');
    expect(unpaired.main.test).toBe('welch');
    expect(paired.verdict).toBe('supported');
    expect(unpaired.verdict).toBe('not shown');
    expect(paired.main.pValue).toBeLessThan(unpaired.main.pValue / 100);
  });

  it('contradicted: significant in the opposite direction', () => {
    const runs = seedMatchedArms({
      n: 10,
      seed: 3,
      seedSd: 0.02,
      arms: { l13: { stability: [60, 5], best: [0.7, 0.01] }, none: { stability: [100, 0], best: [0.76, 0.01] } },
    });
    expect(report(greater, runs).verdict).toBe('contradicted');
  });

  it('absent when equivalence inside ±minimum is shown and no direction is; below minimum when both are; not shown when neither is', () => {
    const few = {
      l13: syntheticArm({ n: 6, seed: 1, stability: [60, 5], best: [0.76, 0.01] }),
      none: syntheticArm({ n: 6, seed: 2, stability: [100, 0], best: [0.76, 0.01] }),
    };
    const undecided = report(greater, few, 1).verdicts[0];
    expect(undecided.verdict).toBe('not shown');
    expect(undecided.equivalence.pAdjusted).toBeGreaterThan(0.05);
    const many = {
      l13: syntheticArm({ n: 200, seed: 3, stability: [60, 5], best: [0.762, 0.01] }),
      none: syntheticArm({ n: 200, seed: 4, stability: [100, 0], best: [0.76, 0.01] }),
    };
    const tiny = report({ ...greater, minEffect: { measure: 'mean-difference', value: 0.01 } }, many, 1).verdicts[0];
    expect(tiny.main.pValue).toBeLessThan(0.05);
    expect(tiny.verdict).toBe('below minimum');
    expect(tiny.decision.statistics.claimed).toBeGreaterThanOrEqual(tiny.decision.boundary);
    expect(tiny.decision.statistics.equivalence).toBeGreaterThanOrEqual(tiny.decision.boundary);
    expect(tiny.equivalence).toMatchObject({ lower: -0.01, upper: 0.01 });
    expect(tiny.equivalence.pAdjusted).toBeLessThanOrEqual(0.05);
    const same = {
      l13: syntheticArm({ n: 200, seed: 7, stability: [60, 5], best: [0.76, 0.01] }),
      none: syntheticArm({ n: 200, seed: 8, stability: [100, 0], best: [0.76, 0.01] }),
    };
    const none = report({ ...greater, minEffect: { measure: 'mean-difference', value: 0.01 } }, same, 1).verdicts[0];
    expect(none.main.pValue).toBeGreaterThan(0.05);
    expect(none.verdict).toBe('absent');
  });

  it("ordered claims: Page's L on seed-matched arms (Jonckheere-Terpstra on disjoint seeds), every adjacent pair paired, Holm within", () => {
    const definition: ClaimDefinition = {
      id: 'order',
      title: 'order',
      paperClaim: 'Claim 1',
      arms: { a: paperArms.baseline, b: paperArms.pruneSSmall, c: paperArms.pruneSLarge },
      hypothesis: { kind: 'ordered', metric: 'stability', order: ['a', 'b', 'c'] },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    };
    const arms = (b: number) =>
      seedMatchedArms({
        n: 10,
        seed: 4,
        seedSd: 0,
        arms: { a: { stability: [95, 2], best: [0.7, 0.01] }, b: { stability: [b, 2], best: [0.7, 0.01] }, c: { stability: [75, 2], best: [0.7, 0.01] } },
      });
    const ordered = report(definition, arms(85));
    expect(ordered.verdict).toBe('supported');
    expect(ordered.verdicts[0].main.test).toBe("page's L");
    expect(ordered.verdicts[0].pairwise.map((p) => p.test)).toEqual(['paired-t', 'paired-t']);
    const tied = report(definition, arms(75));
    expect(tied.verdict).not.toBe('supported');
    expect(tied.verdicts[0].pairwise[1].pHolm).toBeGreaterThan(0.05);
    const disjoint = arms(85);
    expect(report(definition, { a: disjoint.a, b: reseed(disjoint.b, 1000), c: reseed(disjoint.c, 2000) }).verdicts[0].main.test).toBe('jonckheere-terpstra');
  });

  it("each step of an ordered claim has its own outcome, and the claim's word follows from them by the written rule (§9.2); the endpoints are read beside", () => {
    const definition: ClaimDefinition = {
      id: 'order',
      title: 'order',
      paperClaim: 'Claim 1',
      arms: { a: paperArms.baseline, b: paperArms.pruneSSmall, c: paperArms.pruneSLarge, d: paperArms.pruneLLarge },
      hypothesis: { kind: 'ordered', metric: 'stability', order: ['a', 'b', 'c', 'd'] },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    };
    // a > b and b > c are large, c ≈ d: two steps supported, one absent, so the claim is absent
    const runs = seedMatchedArms({
      n: 400,
      seed: 9,
      seedSd: 0,
      arms: {
        a: { stability: [95, 2], best: [0.7, 0.01] },
        b: { stability: [85, 2], best: [0.7, 0.01] },
        c: { stability: [75, 2], best: [0.7, 0.01] },
        d: { stability: [75, 2], best: [0.7, 0.01] },
      },
    });
    const v = report(definition, runs).verdicts[0];
    expect(v.pairwise.map((p) => [p.label, p.verdict])).toEqual([
      ['a > b', 'supported'],
      ['b > c', 'supported'],
      ['c > d', 'absent'],
    ]);
    expect(v.verdict).toBe('absent');
    expect(v.decision.label).toBe('c > d');
    expect(stepsText(v)).toBe('2 of 3 steps supported; c > d absent');
    expect(v.beside?.map((b) => [b.label, b.verdict])).toEqual([['endpoints a > d', 'supported']]);
    // a reversed step contradicts the claim, whatever the others show
    const reversed = report(definition, { ...runs, c: runs.d.map((r) => ({ ...r })), d: runs.b.map((r) => ({ ...r, seed: r.seed })) }).verdicts[0];
    expect(reversed.pairwise.map((p) => p.verdict)).toContain('contradicted');
    expect(reversed.verdict).toBe('contradicted');
  });

  it('one comparison has five outcomes from its three tests at the boundary (§9.1)', () => {
    const rule = { alpha: 0.05, familySize: 1 };
    expect(outcomeOf(rule, { claimed: 0.01, opposite: 0.99, equivalence: 0.5 })).toBe('supported');
    expect(outcomeOf(rule, { claimed: 0.99, opposite: 0.01, equivalence: 0.5 })).toBe('contradicted');
    expect(outcomeOf(rule, { claimed: 0.01, opposite: 0.99, equivalence: 0.01 })).toBe('below minimum');
    expect(outcomeOf(rule, { claimed: 0.99, opposite: 0.01, equivalence: 0.01 })).toBe('below minimum');
    expect(outcomeOf(rule, { claimed: 0.4, opposite: 0.6, equivalence: 0.01 })).toBe('absent');
    expect(outcomeOf(rule, { claimed: 0.4, opposite: 0.6, equivalence: 0.3 })).toBe('not shown');
    // at a sequential boundary (z 2.5): p 0.01 (z 2.33) no longer crosses
    expect(outcomeOf({ ...rule, critical: 2.5 }, { claimed: 0.01, opposite: 0.99, equivalence: 0.5 })).toBe('not shown');
  });

  it('correlation claims over seed-matched runs use the seed-cluster jackknife, report the within-seed correlation, and drop a diverged seed from every arm', () => {
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
    const diverged = { ...syntheticRun({ seed: 7, stability: 0, best: 0 }), diverged: { epoch: 1, step: 3 } };
    const r = report(definition, { a, b: [...b.slice(0, 7), diverged] }, 3);
    const v = r.verdicts[0];
    expect(v.design).toBe('paired');
    expect(v.droppedSeeds).toEqual([7]);
    expect(v.n).toEqual({ runs: 14, seeds: 7 });
    expect(v.main.test).toBe('pearson, seed-cluster jackknife');
    expect(v.main.statistic).toBeLessThan(-0.8);
    expect(v.withinSeed?.statistic).toBeDefined();
    expect(r.verdict).toBe('supported');
    // beside it (§9.3): the pruned arm alone, and the correlation within arms
    expect(v.beside?.map((b) => b.label)).toEqual(['pruned arms only (b)', 'arm fixed effects']);
  });

  it("the common window: an unpruned arm that peaks before the pruned arms' last event is read from that event on; the authors' window is reported beside it", () => {
    // none peaks at epoch 1 (0.80), then sits at 0.74; Prune_L's last event is at epoch 3, after which it reaches 0.77
    const curve = (seed: number, values: number[], events: number[]): RunResult => {
      const r = syntheticRun({ seed, stability: events.length ? 60 : 100, best: 0.7 });
      return {
        ...r,
        epochs: values.map((v, e) => ({ ...r.epochs[0], epoch: e, testAccuracy: v + 0.001 * seed, validationAccuracy: v, trainAccuracy: v + 0.1 })),
        events: events.map((e, i) => ({ ...r.events[0], epoch: e, stability: 60 + i })),
      };
    };
    const runs = {
      l13: Array.from({ length: 8 }, (_, s) => curve(s, [0.7, 0.72, 0.6, 0.65, 0.77 + 0.002 * (s % 3), 0.76], [2, 3])),
      none: Array.from({ length: 8 }, (_, s) => curve(s, [0.7, 0.8 - 0.002 * (s % 2), 0.75, 0.74, 0.74, 0.74], [])),
    };
    const r = report(greater, runs, 1);
    expect(r.windowStart).toBe(3);
    const best = r.verdicts.find((v) => v.metric === 'best');
    const authors = r.verdicts.find((v) => v.metric === 'best-authors');
    expect(best?.windowStart).toBe(3);
    expect(best?.verdict).toBe('supported');
    expect(authors?.windowStart).toBeNull();
    expect(authors?.verdict).toBe('contradicted');
    expect(r.verdict).toBe('supported');
    expect(r.arms[1].runs[0].values.best).toBeCloseTo(0.74, 12);
    expect(r.arms[1].runs[0].values['best-authors']).toBeCloseTo(0.8, 12);
  });

  it('arms that share some seeds but not all, or a test that does not fit the design, are errors that say what to do', () => {
    const runs = seedMatchedArms({
      n: 6,
      seed: 5,
      seedSd: 0,
      arms: { l13: { stability: [60, 5], best: [0.8, 0.01] }, none: { stability: [100, 0], best: [0.78, 0.01] } },
    });
    expect(() => report(greater, { l13: runs.l13, none: reseed(runs.none, 3) })).toThrow(/share some seeds but not all.*seedBlock/);
    expect(() =>
      report({ ...greater, hypothesis: { ...greater.hypothesis, kind: 'greater', metric: 'best', arm: 'l13', than: 'none', test: 'welch' } }, runs),
    ).toThrow(/hypothesis\.test: 'welch' does not fit this paired design.*allowed: paired-t, wilcoxon, sign-flip/);
    for (const test of ['wilcoxon', 'sign-flip'] as const)
      expect(report({ ...greater, hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'none', test } }, runs).verdicts[0].main.test).toBe(test);
  });

  it("accuracy and gap hypotheses are read under best, final, held-out and the authors' window; others under their own metric", () => {
    expect(readingsOf({ kind: 'greater', metric: 'final', arm: 'a', than: 'b' }).deciding).toBe('final');
    expect(readingsOf({ kind: 'correlation', x: 'stability', y: 'gap', arms: [], sign: 'positive' }).readings.map((r) => r.metric)).toEqual([
      'gap',
      'final-gap',
      'heldout-gap',
      'gap-authors',
    ]);
    expect(readingsOf({ kind: 'below', metric: 'stability', arm: 'a', value: 100 }).readings.map((r) => r.metric)).toEqual(['stability']);
  });
});
