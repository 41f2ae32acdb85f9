import { mean, sampleCorrelation, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import type { Alternative } from '../stats/alternative.js';
import { clusterJackknifeCorrelation, type CorrelationStatistic } from '../stats/clusterJackknifeCorrelation.js';
import { cohensDz } from '../stats/cohensDz.js';
import type { CorrelationResult } from '../stats/correlationResult.js';
import { studentTCdf, studentTQuantile } from '../stats/distributions.js';
import { equivalenceTest } from '../stats/equivalenceTest.js';
import { hedgesG } from '../stats/hedgesG.js';
import { hedgesGAv } from '../stats/hedgesGAv.js';
import { holm } from '../stats/holm.js';
import { jonckheereTerpstra } from '../stats/jonckheereTerpstra.js';
import { kendallTauB } from '../stats/kendallTauB.js';
import { mannWhitneyU } from '../stats/mannWhitneyU.js';
import { oneSampleTTest } from '../stats/oneSampleTTest.js';
import { pageTrendTest } from '../stats/pageTrendTest.js';
import { pairedTTest } from '../stats/pairedTTest.js';
import { pearson } from '../stats/pearson.js';
import { permutationTest } from '../stats/permutationTest.js';
import { achievedPower, correlationPower, correlationReplicates, oneSamplePower, oneSampleReplicates, replicatesForPower } from '../stats/power.js';
import { repeatedMeasuresCorrelation } from '../stats/repeatedMeasuresCorrelation.js';
import { signFlipTest } from '../stats/signFlipTest.js';
import { spearman } from '../stats/spearman.js';
import { standardisedEquivalence } from '../stats/standardisedEquivalence.js';
import { welchTTest } from '../stats/welchTTest.js';
import { wilcoxonSignedRank } from '../stats/wilcoxonSignedRank.js';
import type { EquivalenceReport, MetricVerdict, PowerReport, TestReport, Verdict } from './claimReport.js';
import { twoArmTests, type BelowHypothesis, type CorrelationHypothesis, type GreaterHypothesis, type Hypothesis, type MinimumEffect, type OrderedHypothesis, type TwoArmTest } from './hypothesis.js';
import { alignBySeed, type AlignedObservations, type ArmObservations, type Design } from './seedDesign.js';

/** Per-arm observations of the claim's runs, by seed; for correlations `second` holds y. */
export type HypothesisData = Readonly<Record<string, ArmObservations>>;

/** How a verdict is decided. */
export interface DecisionRule {
  readonly alpha: number;
  readonly minEffect: MinimumEffect;
  /** Number of claims in the family (Bonferroni factor on every one-sided p). */
  readonly familySize: number;
  readonly metric: string;
  /** Seed of permutation tests. */
  readonly seed: number;
  /** First epoch the reading looks at (null: each run's own window). */
  readonly windowStart: number | null;
}

/** What an evaluator found, before the verdict: the tests' p-values, whether the effect meets the minimum, and the rest of the report. */
interface Findings extends Omit<MetricVerdict, 'metric' | 'verdict' | 'design' | 'windowStart' | 'droppedSeeds' | 'pAdjusted' | 'equivalence'> {
  /** One-sided p of the claimed and of the opposite direction. */
  readonly pClaimed: number;
  readonly pOpposite: number;
  /** Whether the effect reaches the spec's minimum (for `supported`). */
  readonly meets: boolean;
  /** The equivalence test: its scale, margins and p (before the family correction). */
  readonly equivalence: Omit<EquivalenceReport, 'pAdjusted'>;
}

/**
 * The verdict of a reading: the first whose condition holds, in the order of docs/methods/verdicts.md
 * (section 4), every p multiplied by the family size.
 */
function verdictOf(rule: DecisionRule, aligned: Pick<AlignedObservations, 'droppedSeeds'> & { design: MetricVerdict['design'] }, findings: Findings): MetricVerdict {
  const { pClaimed, pOpposite, meets, equivalence, ...report } = findings;
  const k = rule.familySize;
  const pAdjusted = Math.min(1, pClaimed * k);
  const equivalenceAdjusted = Math.min(1, equivalence.pValue * k);
  const verdict: Verdict =
    pAdjusted <= rule.alpha && meets ? 'supported' : Math.min(1, pOpposite * k) <= rule.alpha ? 'contradicted' : equivalenceAdjusted <= rule.alpha ? 'absent' : 'not shown';
  return { metric: rule.metric, verdict, design: aligned.design, windowStart: rule.windowStart, droppedSeeds: aligned.droppedSeeds, pAdjusted, equivalence: { ...equivalence, pAdjusted: equivalenceAdjusted }, ...report };
}

/** A two-arm comparison with what power and the decision need beside the report. */
interface TwoArmComparison extends TestReport {
  readonly meanDifference: number;
  /** The raw difference the minimum effect stands for (the equivalence margin). */
  readonly margin: number;
  readonly power: PowerReport;
}

function testPValue(test: TwoArmTest, a: readonly number[], b: readonly number[], alternative: Alternative, seed: number): { statistic: number; pValue: number } {
  if (test === 'paired-t') return pairedTTest(a, b, { alternative });
  if (test === 'wilcoxon') return wilcoxonSignedRank(a, b, { alternative });
  if (test === 'sign-flip') return signFlipTest(a, b, { alternative, seed });
  if (test === 'mann-whitney') return mannWhitneyU(a, b, { alternative });
  if (test === 'permutation') return permutationTest(a, b, { alternative, seed });
  return welchTTest(a, b, { alternative });
}

/** The spec's test if it fits the design, else the design's default; a misfit is an error naming both. */
function chooseTest(design: Design, requested: TwoArmTest | undefined): TwoArmTest {
  const allowed: readonly TwoArmTest[] = twoArmTests[design];
  if (requested === undefined) return allowed[0];
  if (!allowed.includes(requested)) throw new Error(`hypothesis.test: '${requested}' does not fit this ${design} design (the arms ${design === 'paired' ? 'share seeds' : 'ran disjoint seeds'}); allowed: ${allowed.join(', ')}`);
  return requested;
}

/** One-sided "a > b" by the design's test, Hedges' g (g_av when paired) as effect, TOST at ±minimum, power. */
function compareTwoArms(label: string, a: readonly number[], b: readonly number[], design: Design, requested: TwoArmTest | undefined, rule: DecisionRule): TwoArmComparison {
  const test = chooseTest(design, requested);
  const claimed = testPValue(test, a, b, 'greater', rule.seed);
  const opposite = testPValue(test, a, b, 'less', rule.seed);
  const meanDifference = mean([...a]) - mean([...b]);
  const m = rule.minEffect.value;
  const alpha = rule.alpha / rule.familySize;
  // TOST at ±m: raw margins for `mean-difference`; m standard deviations (with the standardiser's own error) for `hedges-g`
  const standardised = rule.minEffect.measure === 'hedges-g' ? standardisedEquivalence(a, b, { design, margin: m }) : undefined;
  const equivalence = (standardError: number, df: number) =>
    standardised?.pValue ?? equivalenceTest({ estimate: meanDifference, standardError, df, lower: -m, upper: m }).pValue;
  const margin = standardised?.upper ?? m;
  if (design === 'paired') {
    const g = hedgesGAv(a, b);
    const dz = cohensDz(a, b);
    const n = a.length;
    const sdDiff = sampleStandardDeviation(a.map((v, i) => v - b[i]));
    const dzAt = (difference: number) => (sdDiff > 0 ? difference / sdDiff : difference > 0 ? Infinity : 0);
    const powerAt = (d: number) => (Number.isFinite(d) ? oneSamplePower({ effect: d, n, alpha }) : 1);
    return {
      label,
      test,
      statistic: claimed.statistic,
      pValue: claimed.pValue,
      pOpposite: opposite.pValue,
      effect: { name: "Hedges' g_av", value: g.value, ci: g.ci },
      pairedEffect: { name: 'd_z', value: dz.value, ci: dz.ci },
      pEquivalence: equivalence(sdDiff / Math.sqrt(n), n - 1),
      meanDifference,
      margin,
      power: { atMinimumEffect: powerAt(dzAt(margin)), atObservedEffect: powerAt(dzAt(meanDifference)), replicatesFor80: oneSampleReplicates({ effect: dzAt(meanDifference), alpha }) },
    };
  }
  const g = hedgesG(a, b);
  const welch = welchTTest(a, b);
  const minimum = rule.minEffect.measure === 'hedges-g' ? m : g.value;
  return {
    label,
    test,
    statistic: claimed.statistic,
    pValue: claimed.pValue,
    pOpposite: opposite.pValue,
    effect: { name: "Hedges' g", value: g.value, ci: g.ci },
    pEquivalence: equivalence(Math.sqrt(sampleVariance([...a]) / a.length + sampleVariance([...b]) / b.length), welch.df),
    meanDifference,
    margin,
    power: {
      atMinimumEffect: achievedPower({ effect: minimum, n1: a.length, n2: b.length, alpha, sided: 1 }),
      atObservedEffect: achievedPower({ effect: g.value, n1: a.length, n2: b.length, alpha, sided: 1 }),
      replicatesFor80: g.value > 0 ? replicatesForPower({ effect: g.value, alpha, sided: 1 }) : Infinity,
    },
  };
}

const meetsMinimum = (minEffect: MinimumEffect, c: TwoArmComparison) => (minEffect.measure === 'mean-difference' ? c.meanDifference >= minEffect.value : c.effect.value >= minEffect.value);

function need(aligned: AlignedObservations, arm: string): number[] {
  const v = aligned.values[arm];
  if (v === undefined || v.length < 2) throw new Error(`claim arm '${arm}' has ${v?.length ?? 0} usable runs${aligned.design === 'paired' ? ' at seeds every arm has' : ''}; each arm needs ≥ 2`);
  return v;
}

const correlationStatistics = {
  pearson: { fn: pearson, of: (x, y) => sampleCorrelation([...x], [...y]), name: 'Pearson r', seScale: 1, shift: 3 },
  kendall: { fn: kendallTauB, of: (x, y) => kendallTauB(x, y).statistic, name: 'Kendall τ-b', seScale: Math.sqrt(0.437), shift: 4 },
  spearman: { fn: spearman, of: (x, y) => spearman(x, y).statistic, name: 'Spearman ρ', seScale: Math.sqrt(1.06), shift: 3 },
} as const satisfies Record<NonNullable<CorrelationHypothesis['test']>, { fn: (x: readonly number[], y: readonly number[], o: { alternative?: Alternative }) => CorrelationResult; of: CorrelationStatistic; name: string; seScale: number; shift: number }>;

type Evaluator<H extends Hypothesis> = (h: H, data: HypothesisData, rule: DecisionRule) => MetricVerdict;

const evaluators: { [K in Hypothesis['kind']]: Evaluator<Extract<Hypothesis, { kind: K }>> } = {
  greater(h: GreaterHypothesis, data, rule) {
    const aligned = alignBySeed({ [h.arm]: data[h.arm], [h.than]: data[h.than] });
    const a = need(aligned, h.arm);
    const b = need(aligned, h.than);
    const main = compareTwoArms(`${h.arm} > ${h.than}`, a, b, aligned.design, h.test, rule);
    const { meanDifference: _d, margin, power, ...report } = main;
    return verdictOf(rule, aligned, {
      main: report,
      pairwise: [],
      pClaimed: main.pValue,
      pOpposite: main.pOpposite,
      meets: meetsMinimum(rule.minEffect, main),
      equivalence: { scale: 'mean difference', lower: -margin, upper: margin, pValue: main.pEquivalence },
      power,
      n: { [h.arm]: a.length, [h.than]: b.length },
    });
  },

  ordered(h: OrderedHypothesis, data, rule) {
    const aligned = alignBySeed(Object.fromEntries(h.order.map((arm) => [arm, data[arm]])));
    const groups = h.order.map((arm) => need(aligned, arm));
    const k = h.order.length;
    const paired = aligned.design === 'paired';
    const blocks = () => groups[0].map((_, i) => groups.map((g) => g[i]));
    // claimed: the first arm largest, so it gets the highest predicted rank
    const trend = paired ? pageTrendTest(blocks(), { predictedRanks: h.order.map((_, j) => k - j) }) : jonckheereTerpstra(groups, { direction: 'decreasing' });
    const opposite = paired ? pageTrendTest(blocks(), { predictedRanks: h.order.map((_, j) => j + 1) }) : jonckheereTerpstra(groups, { direction: 'increasing' });
    const pairs = h.order.slice(1).map((arm, i) => compareTwoArms(`${h.order[i]} > ${arm}`, groups[i], groups[i + 1], aligned.design, undefined, rule));
    const adjusted = holm(pairs.map((p) => p.pValue));
    const equivalenceHolm = holm(pairs.map((p) => p.pEquivalence));
    const pairwise = pairs.map(({ meanDifference: _d, margin: _m, power: _p, ...p }, i) => ({ ...p, pHolm: adjusted[i] }));
    const weakest = pairs.reduce((w, p) => (p.effect.value < w.effect.value ? p : w));
    const pEquivalence = Math.min(...equivalenceHolm);
    const main: TestReport = {
      label: h.order.join(' > '),
      test: paired ? "page's L" : 'jonckheere-terpstra',
      statistic: trend.statistic,
      pValue: trend.pValue,
      pOpposite: opposite.pValue,
      effect: { name: `weakest adjacent ${weakest.effect.name} (${weakest.label})`, value: weakest.effect.value, ci: weakest.effect.ci },
      pairedEffect: weakest.pairedEffect,
      pEquivalence,
    };
    const pairsHold = pairs.every((p, i) => Math.min(1, adjusted[i] * rule.familySize) <= rule.alpha && meetsMinimum(rule.minEffect, p));
    const equivalent = pairs[equivalenceHolm.indexOf(pEquivalence)];
    return verdictOf(rule, aligned, {
      main,
      pairwise,
      pClaimed: trend.pValue,
      pOpposite: opposite.pValue,
      meets: pairsHold,
      equivalence: { scale: `mean difference of the closest pair (${equivalent.label}), Holm over the pairs`, lower: -equivalent.margin, upper: equivalent.margin, pValue: pEquivalence },
      power: weakest.power,
      n: Object.fromEntries(h.order.map((arm, i) => [arm, groups[i].length])),
    });
  },

  correlation(h: CorrelationHypothesis, data, rule) {
    const aligned = alignBySeed(Object.fromEntries(h.arms.map((arm) => [arm, data[arm]])));
    const xs = h.arms.flatMap((arm) => need(aligned, arm));
    const ys = h.arms.flatMap((arm) => aligned.second[arm]);
    const seeds = h.arms.flatMap((arm) => aligned.seeds[arm]);
    const claimed: Alternative = h.sign === 'negative' ? 'less' : 'greater';
    const opposite: Alternative = h.sign === 'negative' ? 'greater' : 'less';
    const spec = correlationStatistics[h.test ?? 'pearson'];
    const clusters = new Set(seeds).size;
    const clustered = aligned.design === 'paired' && h.arms.length > 1 && clusters >= 3;
    const m = rule.minEffect.value;
    const alpha = rule.alpha / rule.familySize;
    const zMargin = Math.atanh(Math.min(m, 1 - 1e-12));
    let result: CorrelationResult;
    let pOpposite: number;
    let pEquivalence: number;
    let power: PowerReport;
    if (clustered) {
      const jack = clusterJackknifeCorrelation(xs, ys, seeds, spec.of, { alternative: claimed });
      result = jack;
      pOpposite = clusterJackknifeCorrelation(xs, ys, seeds, spec.of, { alternative: opposite }).pValue;
      pEquivalence = equivalenceTest({ estimate: jack.z, standardError: jack.standardError, df: clusters - 1, lower: -zMargin, upper: zMargin }).pValue;
      // power of the jackknife t at a true atanh(r), its standard error scaled to g seeds
      const powerAt = (z: number, g: number) => {
        const se = jack.standardError * Math.sqrt(clusters / g);
        return se > 0 ? 1 - studentTCdf(studentTQuantile(1 - alpha, g - 1) - z / se, g - 1) : 1;
      };
      const observed = h.sign === 'negative' ? -jack.z : jack.z;
      let seedsFor80 = Infinity;
      for (let g = 3; g <= 10_000 && observed > 0; g++) {
        if (powerAt(observed, g) >= 0.8) {
          seedsFor80 = g;
          break;
        }
      }
      power = { atMinimumEffect: powerAt(zMargin, clusters), atObservedEffect: observed > 0 ? powerAt(observed, clusters) : 0, replicatesFor80: seedsFor80 };
    } else {
      result = spec.fn(xs, ys, { alternative: claimed });
      pOpposite = spec.fn(xs, ys, { alternative: opposite }).pValue;
      const se = spec.seScale / Math.sqrt(Math.max(1, xs.length - spec.shift));
      pEquivalence = equivalenceTest({ estimate: Math.atanh(Math.max(-1 + 1e-15, Math.min(1 - 1e-15, result.statistic))), standardError: se, df: Infinity, lower: -zMargin, upper: zMargin }).pValue;
      const signed = h.sign === 'negative' ? -result.statistic : result.statistic;
      power = {
        atMinimumEffect: correlationPower({ r: m, n: xs.length, alpha, sided: 1 }),
        atObservedEffect: signed > 0 ? correlationPower({ r: signed, n: xs.length, alpha, sided: 1 }) : 0,
        replicatesFor80: signed > 0 ? correlationReplicates({ r: signed, alpha, sided: 1 }) : Infinity,
      };
    }
    const signed = h.sign === 'negative' ? -result.statistic : result.statistic;
    const main: TestReport = {
      label: `${h.x} ~ ${h.y} (${h.sign})`,
      test: clustered ? `${h.test ?? 'pearson'}, seed-cluster jackknife` : (h.test ?? 'pearson'),
      statistic: result.statistic,
      pValue: result.pValue,
      pOpposite,
      effect: { name: spec.name, value: result.statistic, ci: result.ci },
      pEquivalence,
    };
    const within = clustered && xs.length - clusters - 1 >= 1 ? repeatedMeasuresCorrelation(xs, ys, seeds) : undefined;
    return verdictOf(rule, aligned, {
      main,
      pairwise: [],
      pClaimed: main.pValue,
      pOpposite,
      meets: signed >= m,
      equivalence: { scale: clustered ? 'atanh of the statistic (seed-cluster jackknife)' : 'atanh of the statistic (Fisher z)', lower: -zMargin, upper: zMargin, pValue: pEquivalence },
      withinSeed: within && { statistic: within.statistic, pValue: within.pValue, ci: within.ci },
      power,
      n: clustered ? { runs: xs.length, seeds: clusters } : { runs: xs.length, seeds: new Set(seeds).size },
    });
  },

  below(h: BelowHypothesis, data, rule) {
    const aligned = alignBySeed({ [h.arm]: data[h.arm] });
    const x = need(aligned, h.arm);
    const claimed = oneSampleTTest(x, { mu: h.value, alternative: 'less' });
    const opposite = oneSampleTTest(x, { mu: h.value, alternative: 'greater' });
    const shortfall = -claimed.meanDifference;
    const sd = sampleStandardDeviation(x);
    const margin = rule.minEffect.measure === 'mean-difference' ? rule.minEffect.value : rule.minEffect.value * sd;
    const pEquivalence = margin > 0 ? equivalenceTest({ estimate: shortfall, standardError: sd / Math.sqrt(x.length), df: x.length - 1, lower: -margin, upper: margin }).pValue : 1;
    const main: TestReport = {
      label: `mean ${h.metric} of ${h.arm} < ${h.value}`,
      test: 'one-sample t',
      statistic: claimed.statistic,
      pValue: claimed.pValue,
      pOpposite: opposite.pValue,
      effect: { name: `${h.value} − mean`, value: shortfall, ci: { lower: -claimed.ci.upper, upper: -claimed.ci.lower, level: claimed.ci.level } },
      pEquivalence,
    };
    const dz = sd > 0 ? shortfall / sd : Infinity;
    const alpha = rule.alpha / rule.familySize;
    const power = (d: number) => oneSamplePower({ effect: d, n: x.length, alpha });
    return verdictOf(rule, { design: 'one-sample', droppedSeeds: aligned.droppedSeeds }, {
      main,
      pairwise: [],
      pClaimed: main.pValue,
      pOpposite: main.pOpposite,
      meets: shortfall >= margin,
      equivalence: { scale: `${h.value} − mean`, lower: -margin, upper: margin, pValue: pEquivalence },
      power: { atMinimumEffect: sd > 0 ? power(margin / sd) : 1, atObservedEffect: Number.isFinite(dz) ? power(dz) : 1, replicatesFor80: oneSampleReplicates({ effect: dz, alpha }) },
      n: { [h.arm]: x.length },
    });
  },
};

/**
 * Tests a hypothesis on the claim's per-seed values and decides one of the four verdicts
 * (docs/methods/verdicts.md): the design (paired by seed, or unpaired) picks the tests; `supported`
 * when the claimed direction is significant after the family correction and the effect reaches the
 * minimum, `contradicted` when the opposite direction is, `absent` when equivalence inside ±minimum
 * is shown, `not shown` otherwise.
 *
 * @example
 * ```ts
 * evaluateHypothesis({ kind: 'greater', metric: 'best', arm: 'l13', than: 'none' },
 *   { l13: { seeds: [1, 2, 3], values: [0.71, 0.72, 0.70] }, none: { seeds: [1, 2, 3], values: [0.69, 0.70, 0.69] } },
 *   { alpha: 0.05, minEffect: { measure: 'hedges-g', value: 0.5 }, familySize: 11, metric: 'best', seed: 1, windowStart: 10 }).design; // 'paired'
 * ```
 */
export function evaluateHypothesis(hypothesis: Hypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const evaluate = evaluators[hypothesis.kind] as Evaluator<Hypothesis>;
  return evaluate(hypothesis, data, rule);
}
