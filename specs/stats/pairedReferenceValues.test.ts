import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { clusterJackknifeCorrelation } from '../../src/stats/clusterJackknifeCorrelation.js';
import { cohensDz } from '../../src/stats/cohensDz.js';
import { twoOneSidedTests } from '../../src/stats/twoOneSidedTests.js';
import { hedgesGAv } from '../../src/stats/hedgesGAv.js';
import { kendallTauB } from '../../src/stats/kendallTauB.js';
import { pageTrend } from '../../src/stats/pageTrend.js';
import { pairedT } from '../../src/stats/pairedT.js';
import { repeatedMeasuresCorrelation } from '../../src/stats/repeatedMeasuresCorrelation.js';
import { signFlip } from '../../src/stats/signFlip.js';
import { spearman } from '../../src/stats/spearman.js';
import { standardisedEquivalence } from '../../src/stats/standardisedEquivalence.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxonSignedRank.js';

// Reference values computed once with SciPy 1.10.1 (Debian python3-scipy) by
// tools/reference/paired_statistics.py: ttest_rel, wilcoxon, permutation_test(permutation_type='samples'),
// nct (d_z CI), ttest_1samp against the margins (TOST), page_trend_test; the cluster jackknife and the
// repeated-measures correlation written there in NumPy from their definitions.
const x = [69.1815, 72.8333, 70.8224, 66.6106, 65.7281, 71.7437, 71.456, 66.4933, 69.2216, 70.1447];
const y = [69.5344, 71.0189, 70.6471, 65.2514, 65.3859, 71.9877, 70.4393, 65.7722, 68.0397, 70.3088];
const xt = [3, 5, 4, 6, 7, 5, 8, 6, 4, 7, 9, 5];
const yt = [2, 5, 3, 4, 6, 6, 5, 4, 4, 5, 6, 3];
const page = [
  [-0.057, -0.3004, 2.5366, -0.5446],
  [-0.3608, 1.654, 0.2145, 0.855],
  [-1.4086, -1.8536, 0.9759, 0.766],
  [-0.4712, -0.3186, -0.3169, 0.9631],
  [0.8796, 0.9821, -0.1657, 0.432],
  [1.3229, -0.3078, 1.3625, 0.5748],
  [0.2205, 0.3305, 0.3989, 1.2881],
  [2.8613, 0.4112, 0.2202, 0.3121],
  [-0.9153, -0.6805, -0.0215, 0.8899],
  [-1.2664, -0.0871, -0.3048, 1.5753],
];
const page3 = [
  [1.3116, 1.7527, 0.2697],
  [-0.8303, -1.2505, 0.6353],
  [0.255, 0.7416, 1.2686],
  [1.7901, -1.1923, 1.2733],
  [-0.4592, 1.2267, 3.7228],
  [-1.131, 0.6042, 0.49],
];
const cx = [
  [105.26, 84.656, 60.246],
  [92.337, 80.822, 52.361],
  [100.596, 85.421, 59.098],
  [101.78, 88.022, 64.167],
  [100.839, 93.568, 63.964],
  [99.144, 85.142, 54.374],
  [89.318, 82.189, 55.364],
  [97.88, 79.58, 51.966],
];
const cy = [
  [0.6855, 0.7268, 0.7322],
  [0.7004, 0.725, 0.7529],
  [0.706, 0.7136, 0.7594],
  [0.7015, 0.7233, 0.7488],
  [0.6842, 0.707, 0.7234],
  [0.6876, 0.6919, 0.7457],
  [0.6889, 0.707, 0.7336],
  [0.7041, 0.7135, 0.7458],
];
const clusterOf = cx.flatMap((row, g) => row.map(() => g));

describe('paired, blocked, equivalence and clustered statistics against SciPy reference values', () => {
  it('paired t-test (ttest_rel) with the CI of the mean difference', () => {
    const r = pairedT(x, y);
    expect(r.statistic).toBeCloseTo(2.4752248791341946, 10);
    expect(r.pValue).toBeCloseTo(0.03526665773755579, 10);
    expect(r.df).toBe(9);
    expect(pairedT(x, y, { alternative: 'greater' }).pValue).toBeCloseTo(0.017633328868777894, 10);
    expect(pairedT(x, y, { alternative: 'less' }).pValue).toBeCloseTo(0.9823666711312221, 10);
    expect(r.ci.lower).toBeCloseTo(0.050355163196037944, 9);
    expect(r.ci.upper).toBeCloseTo(1.1196048368039595, 9);
  });

  it('Wilcoxon signed-rank: exact without ties, normal with ties and zeros (zeros dropped)', () => {
    const exact = wilcoxonSignedRank(x, y);
    expect(exact.method).toBe('exact');
    expect(exact.statistic).toBe(9);
    expect(exact.pValue).toBeCloseTo(0.064453125, 12);
    const greater = wilcoxonSignedRank(x, y, { alternative: 'greater' });
    expect(greater.statistic).toBe(46);
    expect(greater.pValue).toBeCloseTo(0.0322265625, 12);
    const tied = wilcoxonSignedRank(xt, yt);
    expect(tied.method).toBe('normal');
    expect(tied.statistic).toBe(2.5);
    expect(tied.n).toBe(10);
    expect(tied.pValue).toBeCloseTo(0.009774339062913267, 10);
    expect(wilcoxonSignedRank(xt, yt, { alternative: 'greater' }).pValue).toBeCloseTo(0.004887169531456633, 10);
  });

  it('sign-flip permutation test: exact over all 2ⁿ patterns', () => {
    expect(signFlip(x, y, { alternative: 'greater' }).pValue).toBeCloseTo(0.021484375, 12);
    expect(signFlip(x, y).pValue).toBeCloseTo(0.04296875, 12);
    const mc = signFlip(x, y, { alternative: 'greater', exactUpTo: 0, permutations: 20_000, seed: 4 });
    expect(mc.method).toBe('monte-carlo');
    expect(Math.abs(mc.pValue - 0.021484375)).toBeLessThan(4 * Math.sqrt((0.0215 * 0.9785) / 20_000));
  });

  it("d_z with its exact noncentral-t CI, and Hedges' g_av", () => {
    const dz = cohensDz(x, y);
    expect(dz.value).toBeCloseTo(0.7827348339179041, 10);
    expect(dz.ci.lower).toBeCloseTo(0.05187680613634487, 4);
    expect(dz.ci.upper).toBeCloseTo(1.4816054382250816, 4);
    const g = hedgesGAv(x, y);
    expect(g.value).toBeCloseTo(0.21459127920592322, 10);
    expect(g.ci.lower).toBeCloseTo(0.018472048420220915, 9);
    expect(g.ci.upper).toBeCloseTo(0.4107105099916255, 9);
  });

  it('TOST: the two one-sided t-tests against the margins', () => {
    const d = x.map((v, i) => v - y[i]);
    const r = pairedT(x, y);
    const se = (r.ci.upper - r.meanDifference) / 2.2621571627409915; // t(0.975, 9)
    const wide = twoOneSidedTests({ estimate: r.meanDifference, standardError: se, df: 9, lower: -1, upper: 1 });
    expect(wide.pLower).toBeCloseTo(4.394094563139117e-5, 10);
    expect(wide.pUpper).toBeCloseTo(0.05647933570123661, 9);
    expect(wide.pValue).toBe(wide.pUpper);
    expect(twoOneSidedTests({ estimate: r.meanDifference, standardError: se, df: 9, lower: -0.3, upper: 0.3 }).pValue).toBeCloseTo(0.8706878688882281, 9);
    expect(d).toHaveLength(10);
    const z = [0.11, -0.05, 0.08, 0.02, -0.03, 0.06, 0.01, -0.02, 0.04, 0.0, 0.03, -0.01];
    const mz = z.reduce((s, v) => s + v, 0) / z.length;
    const sz = Math.sqrt(z.reduce((s, v) => s + (v - mz) ** 2, 0) / (z.length - 1) / z.length);
    const e = twoOneSidedTests({ estimate: mz, standardError: sz, df: 11, lower: -0.1, upper: 0.1 });
    expect(e.pLower).toBeCloseTo(1.218040375801748e-6, 12);
    expect(e.pUpper).toBeCloseTo(5.0935471218037524e-5, 11);
  });

  it("TOST of a standardised mean difference: the standardiser's delta-method variance in the standard error", () => {
    const small = standardisedEquivalence([1.2, 2.1, 2.9, 4.2, 5.1], [1.0, 2.0, 3.1, 4.0, 5.0], { design: 'paired', margin: 0.5 });
    expect(small.pLower).toBeCloseTo(0.019578252600286894, 10);
    expect(small.pUpper).toBeCloseTo(0.03471752398242568, 10);
    expect(small.standardError).toBeCloseTo(0.2873842578126332, 12);
    const paired = standardisedEquivalence(x, y, { design: 'paired', margin: 0.5 });
    expect(paired.pLower).toBeCloseTo(0.00041100006101502107, 11);
    expect(paired.pUpper).toBeCloseTo(0.05461548194800602, 10);
    const unpaired = standardisedEquivalence([0.71, 0.74, 0.69, 0.77, 0.73, 0.7, 0.75, 0.72], [0.68, 0.7, 0.66, 0.71, 0.69, 0.72, 0.67], {
      design: 'unpaired',
      margin: 2,
    });
    expect(unpaired.pLower).toBeCloseTo(6.033503346414282e-5, 11);
    expect(unpaired.pUpper).toBeCloseTo(0.21721694339577835, 10);
    expect(unpaired.standardError).toBeCloseTo(0.015744488876437878, 12);
  });

  it("Page's L: exact (SciPy's recursion) and normal", () => {
    const exact = pageTrend(page);
    expect(exact.statistic).toBe(265);
    expect(exact.method).toBe('exact');
    expect(exact.pValue).toBeCloseTo(0.05644720180498618, 12);
    expect(pageTrend(page, { predictedRanks: [4, 3, 2, 1] }).statistic).toBe(235);
    expect(pageTrend(page, { predictedRanks: [4, 3, 2, 1] }).pValue).toBeCloseTo(0.9552219586944202, 12);
    expect(pageTrend(page3).statistic).toBe(76);
    expect(pageTrend(page3).pValue).toBeCloseTo(0.1595936213991769, 12);
    // 13 blocks of 4 is past the exact limit: the normal approximation, as SciPy's 'auto'
    const thirteen = [...page, ...page.slice(0, 3)];
    const normal = pageTrend(thirteen);
    expect(normal.method).toBe('normal');
    expect(normal.statistic).toBe(343);
    expect(normal.pValue).toBeCloseTo(0.041870190374606576, 10);
  });

  it('cluster jackknife correlation (Pearson, Kendall, Spearman) and the repeated-measures correlation', () => {
    const xs = cx.flat();
    const ys = cy.flat();
    const pearsonR = (a: readonly number[], b: readonly number[]) => sampleCorrelation([...a], [...b]);
    const p = clusterJackknifeCorrelation(xs, ys, clusterOf, pearsonR, { alternative: 'less' });
    expect(p.statistic).toBeCloseTo(-0.8806207448787433, 12);
    expect(p.standardError).toBeCloseTo(0.1170021750598255, 10);
    expect(p.pValue).toBeCloseTo(3.5949640683594257e-6, 12);
    expect(p.ci.lower).toBeCloseTo(-0.9295666671459814, 10);
    expect(p.ci.upper).toBeCloseTo(-0.8011660312091142, 10);
    const k = clusterJackknifeCorrelation(xs, ys, clusterOf, (a, b) => kendallTauB(a, b).statistic, { alternative: 'less' });
    expect(k.statistic).toBeCloseTo(-0.6932860782517994, 12);
    expect(k.standardError).toBeCloseTo(0.11436157079435248, 10);
    expect(k.pValue).toBeCloseTo(7.042277629355695e-5, 11);
    const s = clusterJackknifeCorrelation(xs, ys, clusterOf, (a, b) => spearman(a, b).statistic, { alternative: 'less' });
    expect(s.standardError).toBeCloseTo(0.18233318849917798, 10);
    expect(s.pValue).toBeCloseTo(7.2484064091061e-5, 11);
    // arm fixed effects: x and y centred on their arm's mean in the full and every leave-one-seed-out sample
    const armOf = xs.map((_, i) => i % 3);
    const w = clusterJackknifeCorrelation(xs, ys, clusterOf, pearsonR, { alternative: 'less', groups: armOf });
    expect(w.statistic).toBeCloseTo(-0.2164093466607847, 12);
    expect(w.standardError).toBeCloseTo(0.32535462324111925, 10);
    expect(w.pValue).toBeCloseTo(0.2604201775576201, 10);
    expect(w.ci.lower).toBeCloseTo(-0.7570326815495421, 10);
    expect(w.ci.upper).toBeCloseTo(0.5001120021882094, 10);
    // a covariate constant within every seed (the A/A placebo) has no within-seed correlation: undefined, not 0
    const constant = repeatedMeasuresCorrelation(
      xs,
      clusterOf.map((g) => g * 2),
      clusterOf,
    );
    expect([constant.statistic, constant.pValue]).toEqual([NaN, NaN]);
    const rm = repeatedMeasuresCorrelation(xs, ys, clusterOf);
    expect(rm.statistic).toBeCloseTo(-0.9514847432794044, 12);
    expect(rm.pValue).toBeCloseTo(4.4406785894802114e-9, 14);
  });
});
