import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { cliffsDelta } from '../../src/stats/cliffsDelta.js';
import { cohensD } from '../../src/stats/cohensD.js';
import { studentTCdf, studentTQuantile } from '../../src/stats/distributions.js';
import { hedgesG } from '../../src/stats/hedgesG.js';
import { holm } from '../../src/stats/holm.js';
import { kendallTauB } from '../../src/stats/kendallTauB.js';
import { mannWhitneyU } from '../../src/stats/mannWhitneyU.js';
import { pearson } from '../../src/stats/pearson.js';
import { permutationPValue } from '../../src/stats/permutationPValue.js';
import { achievedPower, correlationReplicates, oneSamplePower, replicatesForPower } from '../../src/stats/power.js';
import { spearman } from '../../src/stats/spearman.js';
import { welchT } from '../../src/stats/welchT.js';

// Reference values computed independently with SciPy 1.10.1 (Debian python3-scipy):
// scipy.stats.ttest_ind(equal_var=False), mannwhitneyu, pearsonr, spearmanr, kendalltau, t.cdf/t.ppf.
const a = [0.71, 0.74, 0.69, 0.77, 0.73, 0.7, 0.75, 0.72];
const b = [0.68, 0.7, 0.66, 0.71, 0.69, 0.72, 0.67];
const x = [0.2, 0.5, 0.1, 0.9, 0.7, 0.4, 0.8, 0.3, 0.6, 1.0];
const y = [1.1, 1.9, 0.7, 2.4, 2.6, 1.2, 2.0, 1.5, 1.4, 3.0];

describe('statistics against SciPy reference values', () => {
  it('t distribution (stdlib)', () => {
    expect(studentTCdf(2, 10)).toBeCloseTo(0.9633059826146297, 10);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281388519649385, 8);
  });

  it('Welch t-test', () => {
    const r = welchT(a, b);
    expect(r.statistic).toBeCloseTo(2.904845450329674, 9);
    expect(r.pValue).toBeCloseTo(0.012341721985778386, 9);
    expect(welchT(a, b, { alternative: 'greater' }).pValue).toBeCloseTo(0.006170860992889193, 9);
    expect(welchT([1, 2, 3, 4], [3, 4, 5, 6, 7]).pValue).toBeCloseTo(0.034938782359963984, 9);
    expect(r.ci.lower).toBeLessThan(r.meanDifference);
  });

  it('Mann-Whitney U: exact without ties, normal with tie and continuity correction', () => {
    const untied = [0.68, 0.705, 0.66, 0.715, 0.695, 0.725, 0.67];
    expect(mannWhitneyU(a, untied).method).toBe('exact');
    expect(mannWhitneyU(a, untied).pValue).toBeCloseTo(0.04009324009324009, 10);
    expect(mannWhitneyU(a, untied, { alternative: 'greater' }).pValue).toBeCloseTo(0.020046620046620046, 10);
    expect(mannWhitneyU(a, b).method).toBe('normal');
    expect(mannWhitneyU([1.1, 2.2, 3.3, 4.4], [3.5, 4.6, 5.7, 6.8, 7.9]).pValue).toBeCloseTo(0.031746031746031744, 10);
    const at = [1, 2, 2, 3, 4, 4, 4, 5];
    const bt = [2, 3, 3, 5, 5, 6, 6, 7, 7];
    expect(mannWhitneyU(at, bt).method).toBe('normal');
    expect(mannWhitneyU(at, bt).pValue).toBeCloseTo(0.057770861064878665, 9);
    expect(mannWhitneyU(at, bt, { alternative: 'less' }).pValue).toBeCloseTo(0.028885430532439332, 9);
  });

  it('Pearson r with p and Fisher-z CI', () => {
    const r = pearson(x, y);
    expect(r.statistic).toBeCloseTo(0.9049111586334508, 10);
    expect(r.pValue).toBeCloseTo(0.00031846262308282567, 10);
    expect(r.ci.lower).toBeCloseTo(0.63983407522578, 8);
    expect(r.ci.upper).toBeCloseTo(0.9775644055523696, 8);
    expect(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).pValue).toBeCloseTo(0.10408803866182785, 9);
  });

  it('Spearman ρ (with and without ties)', () => {
    expect(spearman(x, y).statistic).toBeCloseTo(0.9030303030303028, 10);
    expect(spearman(x, y).pValue).toBeCloseTo(0.00034361219776328223, 10);
    const xt = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6];
    const yt = [2, 1, 2, 4, 3, 5, 5, 4, 6, 6];
    expect(spearman(xt, yt).statistic).toBeCloseTo(0.859391785159723, 10);
    expect(spearman(xt, yt).pValue).toBeCloseTo(0.0014381181902457776, 9);
  });

  it('Kendall τ-b: exact without ties, tie-corrected normal with ties', () => {
    expect(kendallTauB(x, y).statistic).toBeCloseTo(0.7777777777777777, 12);
    expect(kendallTauB(x, y).pValue).toBeCloseTo(0.0009463183421516755, 12);
    expect(kendallTauB(x, y, { alternative: 'greater' }).pValue).toBeCloseTo(0.00047315917107583776, 12);
    const xt = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6];
    const yt = [2, 1, 2, 4, 3, 5, 5, 4, 6, 6];
    expect(kendallTauB(xt, yt).statistic).toBeCloseTo(0.7407971974871922, 12);
    expect(kendallTauB(xt, yt).pValue).toBeCloseTo(0.0053017856490926146, 10);
  });

  it('effect sizes: Cohen d, Hedges g, Cliff δ', () => {
    expect(cohensD([2, 4, 6], [1, 2, 3]).value).toBeCloseTo(1.2649110640673518, 12);
    expect(hedgesG([2, 4, 6], [1, 2, 3]).value).toBeCloseTo(1.2649110640673518 * (1 - 3 / 15), 12);
    expect(cliffsDelta([3, 4, 5], [1, 2, 3]).value).toBeCloseTo(8 / 9, 12);
    const d = cohensD(a, b);
    expect(d.ci.lower).toBeLessThan(d.value);
    expect(d.ci.upper).toBeGreaterThan(d.value);
  });

  it('Holm and Benjamini-Hochberg adjustments', () => {
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(benjaminiHochberg([0.01, 0.04, 0.03]).map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.04, 0.04]);
    expect(holm([0.5])).toEqual([0.5]);
  });

  it('permutation test: exact enumeration limit and (b+1)/(k+1)', () => {
    // 3 vs 3 fully separated: 1 of C(6,3) = 20 assignments is as extreme (one-sided)
    const r = permutationPValue([5, 6, 7], [1, 2, 3], { alternative: 'greater', permutations: 20000, seed: 3 });
    expect(r.pValue).toBeGreaterThan(0.04);
    expect(r.pValue).toBeLessThan(0.06);
    expect(permutationPValue([1, 2], [1, 2], { permutations: 99 }).pValue).toBe(1);
  });

  it('power: replicates per arm and achieved power (normal approximation with Guenther correction)', () => {
    expect(replicatesForPower({ effect: 0.8, alpha: 0.05 })).toBe(26);
    expect(replicatesForPower({ effect: 2.8, alpha: 0.05 })).toBe(4);
    expect(replicatesForPower({ effect: 0.5, alpha: 0.05 })).toBe(64);
    expect(achievedPower({ effect: 1, n1: 17, n2: 17, alpha: 0.05 })).toBeCloseTo(0.80703671514722, 4);
    expect(achievedPower({ effect: 2.8, n1: 4, n2: 4, alpha: 0.05 })).toBeCloseTo(0.9064851899614543, 4);
    expect(achievedPower({ effect: 1, n1: 10, n2: 10, alpha: 0.05, sided: 1 })).toBeCloseTo(0.6935574919366622, 4);
    expect(oneSamplePower({ effect: 1, n: 10, alpha: 0.05 })).toBeCloseTo(0.8975169943401465, 4);
    expect(oneSamplePower({ effect: 1 / 3.1, n: 10, alpha: 0.05 / 11 })).toBeCloseTo(0.03887362024970854, 4);
    expect(correlationReplicates({ r: -0.52, alpha: 0.05 })).toBe(27);
    expect(correlationReplicates({ r: -0.31, alpha: 0.05 })).toBe(80);
  });
});
