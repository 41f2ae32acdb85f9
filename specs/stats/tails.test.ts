import { describe, expect, it } from 'vitest';
import { normalSf, normalUpperQuantile, studentTSf } from '../../src/stats/distributions.js';
import { groupSequentialBoundaries } from '../../src/stats/groupSequentialBoundaries.js';
import { pageTrend } from '../../src/stats/pageTrend.js';
import { pairedT } from '../../src/stats/pairedT.js';
import { repeatedInterval } from '../../src/claims/decide/decisionRule.js';

/** Relative error. */
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

// SciPy 1.17.1, `python3 tools/reference/tails.py` (2026-12-04)
const a = [
  55.1328, 53.6477, 52.292, 55.6072, 53.077, 51.9857, 52.0132, 54.6148, 53.3951, 52.9208, 50.2047, 55.6625, 54.7568, 54.6529, 54.1089, 50.1078, 48.8402,
  53.6054, 53.1419, 52.7732, 53.4031, 52.4922, 54.2232, 57.1584, 49.7873, 53.8505, 53.5128, 54.3852, 52.9163, 55.2283,
];
const b = [
  50.8951, 51.8174, 50.2075, 52.0915, 50.3528, 48.5549, 48.252, 52.2678, 49.2684, 49.6083, 48.2814, 52.4872, 51.3532, 51.0275, 51.279, 47.2736, 47.2282,
  50.5377, 50.4632, 49.4754, 49.5986, 49.8834, 51.2033, 53.7149, 46.1565, 50.3451, 50.3953, 51.75, 49.361, 52.6224,
];

describe('tail probabilities are computed as tails (docs/methods/verdicts.md §8.4), pinned against SciPy', () => {
  it('the normal survival function and its inverse, to 1e-198', () => {
    expect(rel(normalSf(5), 2.866515718791933e-7)).toBeLessThan(1e-12);
    expect(rel(normalSf(15), 3.6709661993126986e-51)).toBeLessThan(1e-12);
    expect(rel(normalSf(30), 4.906713927147908e-198)).toBeLessThan(1e-12);
    expect(normalUpperQuantile(1e-17)).toBeCloseTo(8.493793224109599, 9);
    expect(normalUpperQuantile(1e-50)).toBeCloseTo(14.933337534788487, 9);
  });

  it("Student's t survival function, to 1e-59 and below zero", () => {
    expect(rel(studentTSf(20, 10), 1.0730311586021261e-9)).toBeLessThan(1e-10);
    expect(rel(studentTSf(40, 89), 5.686182687083725e-59)).toBeLessThan(1e-10);
    expect(studentTSf(-3, 5)).toBeCloseTo(0.9849503760512687, 12);
    expect(rel(studentTSf(12, 3), 0.0006225079003946681)).toBeLessThan(1e-10);
  });

  it('a paired t with p = 1.3e-21 reports it, not 0 or 1.1e-16 (scipy.stats.ttest_rel)', () => {
    const r = pairedT(a, b, { alternative: 'greater' });
    expect(r.statistic).toBeCloseTo(25.289757146758905, 9);
    expect(rel(r.pValue, 1.3034314608661975e-21)).toBeLessThan(1e-8);
    expect(pairedT(a, b, { alternative: 'less' }).pValue).toBe(1);
  });

  it("Page's L by its normal approximation with p = 8.4e-133 (scipy.stats.page_trend_test, asymptotic)", () => {
    const blocks = Array.from({ length: 300 }, (_, i) => [1 + 0.01 * i, 2 + 0.02 * i, 3 + 0.03 * i]);
    // SciPy's predicted ranks are increasing by column; ours name the arm predicted largest
    const r = pageTrend(blocks, { predictedRanks: [1, 2, 3] });
    expect(r.statistic).toBe(4200);
    expect(r.method).toBe('normal');
    expect(rel(r.pValue, 8.370839923458461e-133)).toBeLessThan(1e-8);
  });

  it("the stage-1 O'Brien-Fleming boundary at α = 0.05/11 over 9 stages is 8.432, its spend 1.7e-17 no longer underflowing", () => {
    const design = groupSequentialBoundaries({ fractions: Array.from({ length: 9 }, (_, k) => (k + 1) / 9), alpha: 0.05 / 11, spending: 'obrien-fleming' });
    expect(rel(design.spent[0], 1.6979634113611098e-17)).toBeLessThan(1e-9);
    expect(design.critical[0]).toBeCloseTo(8.432073805537165, 5);
  });

  it('the repeated CI of a paired mean difference at a boundary c is d̄ ± t⁻¹(Φ(c))·SE, its level 1 − 2(1 − Φ(c)) (scipy.stats.t.isf)', () => {
    const d = a.map((v, i) => v - b[i]);
    const n = d.length;
    const mean = d.reduce((s, v) => s + v, 0) / n;
    const se = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) / n);
    const at = (critical: number) => repeatedInterval({ alpha: 0.05, familySize: 15, critical }, { estimate: mean, standardError: se, df: n - 1 });
    expect(at(4.95).lower).toBeCloseTo(2.298831754948333, 9);
    expect(at(4.95).upper).toBeCloseTo(3.8175215783849996, 9);
    expect(at(4.95).level).toBeCloseTo(0.9999992578651841, 12);
    expect(at(2.78).lower).toBeCloseTo(2.6948392203987823, 9);
    expect(at(2.78).upper).toBeCloseTo(3.4215141129345503, 9);
  });
});
