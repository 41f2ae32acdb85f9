import { mean, sampleCorrelation, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import type { Alternative } from '../../stats/alternative.js';
import { cohensDz } from '../../stats/cohensDz.js';
import { twoOneSidedTests } from '../../stats/twoOneSidedTests.js';
import { hedgesG } from '../../stats/hedgesG.js';
import { hedgesGAv } from '../../stats/hedgesGAv.js';
import { mannWhitneyU } from '../../stats/mannWhitneyU.js';
import { pairedT } from '../../stats/pairedT.js';
import { permutationPValue } from '../../stats/permutationPValue.js';
import { achievedPower, oneSamplePower, oneSampleReplicates, replicatesForPower } from '../../stats/power.js';
import type { Interval } from '../../stats/interval.js';
import { signFlip } from '../../stats/signFlip.js';
import { standardisedEquivalence } from '../../stats/standardisedEquivalence.js';
import { welchT } from '../../stats/welchT.js';
import { wilcoxonSignedRank } from '../../stats/wilcoxonSignedRank.js';
import type { PowerReport, TestReport } from './metricVerdict.js';
import { twoArmTests, type TwoArmTest } from '../dsl/hypothesis.js';
import type { Pairing } from '../design/pairing.js';
import { levelOf, repeatedInterval, type DecisionRule } from './decisionRule.js';

/** A two-arm comparison with what power and the decision need beside the report. */
export interface TwoArmComparison extends TestReport {
  readonly meanDifference: number;
  /** The raw difference the minimum effect stands for (the equivalence margin). */
  readonly margin: number;
  readonly power: PowerReport;
  /** The effect's repeated CI at the rule's boundary (docs/methods/verdicts.md §8.3). */
  readonly repeatedCi: Interval;
}

function testPValue(
  test: TwoArmTest,
  a: readonly number[],
  b: readonly number[],
  alternative: Alternative,
  seed: number,
): { statistic: number; pValue: number } {
  if (test === 'paired-t') return pairedT(a, b, { alternative });
  if (test === 'wilcoxon') return wilcoxonSignedRank(a, b, { alternative });
  if (test === 'sign-flip') return signFlip(a, b, { alternative, seed });
  if (test === 'mann-whitney') return mannWhitneyU(a, b, { alternative });
  if (test === 'permutation') return permutationPValue(a, b, { alternative, seed });
  return welchT(a, b, { alternative });
}
/** The spec's test if it fits the design, else the design's default; a misfit is an error naming both. */
function chooseTest(design: Pairing, requested: TwoArmTest | undefined): TwoArmTest {
  const allowed: readonly TwoArmTest[] = twoArmTests[design];
  if (requested === undefined) return allowed[0];
  if (!allowed.includes(requested))
    throw new Error(
      `hypothesis.test: '${requested}' does not fit this ${design} design (the arms ${design === 'paired' ? 'share seeds' : 'ran disjoint seeds'}); allowed: ${allowed.join(', ')}`,
    );
  return requested;
}

/** One-sided "a > b" by the design's test, Hedges' g (g_av when paired) as effect, TOST at ±minimum, power. */
export function compareTwoArms(
  label: string,
  a: readonly number[],
  b: readonly number[],
  design: Pairing,
  requested: TwoArmTest | undefined,
  rule: DecisionRule,
): TwoArmComparison {
  const test = chooseTest(design, requested);
  const claimed = testPValue(test, a, b, 'greater', rule.seed);
  const opposite = testPValue(test, a, b, 'less', rule.seed);
  const meanDifference = mean([...a]) - mean([...b]);
  const m = rule.minEffect.value;
  const alpha = levelOf(rule);
  // TOST at ±m: raw margins for `mean-difference`; m standard deviations (with the standardiser's own error) for `hedges-g`
  const standardised = rule.minEffect.measure === 'hedges-g' ? standardisedEquivalence(a, b, { design, margin: m }) : undefined;
  const equivalence = (standardError: number, df: number) =>
    standardised?.pValue ?? twoOneSidedTests({ estimate: meanDifference, standardError, df, lower: -m, upper: m }).pValue;
  const margin = standardised?.upper ?? m;
  const common = { label, test, statistic: claimed.statistic, pValue: claimed.pValue, pOpposite: opposite.pValue, meanDifference, margin };
  // the repeated CI of the mean difference, over the effect's own standardiser
  const repeated = (standardError: number, df: number, standardiser: number) =>
    repeatedInterval(rule, { estimate: meanDifference, standardError, df, scale: (v) => (standardiser > 0 ? v / standardiser : v) });
  const described = rule.descriptive !== false;
  if (design === 'paired') {
    const g = hedgesGAv(a, b);
    const n = a.length;
    const sdDiff = sampleStandardDeviation(a.map((v, i) => v - b[i]));
    const dzOfMargin = sdDiff > 0 ? margin / sdDiff : Infinity;
    const dz = described ? cohensDz(a, b) : undefined;
    return {
      ...common,
      effect: { name: "Hedges' g_av", value: g.value, ci: g.ci },
      ...(dz === undefined ? {} : { pairedEffect: { name: 'd_z', value: dz.value, ci: dz.ci } }),
      pEquivalence: equivalence(sdDiff / Math.sqrt(n), n - 1),
      repeatedCi: repeated(sdDiff / Math.sqrt(n), n - 1, g.standardiser),
      power: {
        fixedAtMinimum: !described ? NaN : Number.isFinite(dzOfMargin) ? oneSamplePower({ effect: dzOfMargin, n, alpha }) : 1,
        replicatesFor80: described ? oneSampleReplicates({ effect: dzOfMargin, alpha }) : NaN,
        armCorrelation: sampleCorrelation([...a], [...b]),
        minimumInSd: rule.minEffect.measure === 'hedges-g' ? m : g.standardiser > 0 ? m / g.standardiser : Infinity,
        driftPerSeed: dzOfMargin,
      },
    };
  }
  const g = hedgesG(a, b);
  const welch = welchT(a, b);
  const [n1, n2] = [a.length, b.length];
  // Hedges' g's standardiser: the pooled SD over the small-sample correction
  const standardiser = Math.sqrt(((n1 - 1) * sampleVariance([...a]) + (n2 - 1) * sampleVariance([...b])) / (n1 + n2 - 2)) / (1 - 3 / (4 * (n1 + n2) - 9));
  const minimum = rule.minEffect.measure === 'hedges-g' ? m : standardiser > 0 ? m / standardiser : Infinity;
  const welchError = Math.sqrt(sampleVariance([...a]) / n1 + sampleVariance([...b]) / n2);
  return {
    ...common,
    effect: { name: "Hedges' g", value: g.value, ci: g.ci },
    pEquivalence: equivalence(welchError, welch.df),
    repeatedCi: repeated(welchError, welch.df, standardiser),
    power: {
      fixedAtMinimum: !described ? NaN : Number.isFinite(minimum) ? achievedPower({ effect: minimum, n1, n2, alpha, sided: 1 }) : 1,
      replicatesFor80: described ? (Number.isFinite(minimum) ? replicatesForPower({ effect: minimum, alpha, sided: 1 }) : 2) : NaN,
      minimumInSd: minimum,
      driftPerSeed: minimum / Math.SQRT2,
    },
  };
}
