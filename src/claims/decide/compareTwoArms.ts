import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import type { Alternative } from '../../stats/alternative.js';
import { cohensDz } from '../../stats/cohensDz.js';
import { twoOneSidedTests } from '../../stats/twoOneSidedTests.js';
import { hedgesG } from '../../stats/hedgesG.js';
import { hedgesGAv } from '../../stats/hedgesGAv.js';
import { mannWhitneyU } from '../../stats/mannWhitneyU.js';
import { pairedT } from '../../stats/pairedT.js';
import { permutationPValue } from '../../stats/permutationPValue.js';
import { achievedPower, oneSamplePower, oneSampleReplicates, replicatesForPower } from '../../stats/power.js';
import { signFlip } from '../../stats/signFlip.js';
import { standardisedEquivalence } from '../../stats/standardisedEquivalence.js';
import { welchT } from '../../stats/welchT.js';
import { wilcoxonSignedRank } from '../../stats/wilcoxonSignedRank.js';
import type { PowerReport, TestReport } from './metricVerdict.js';
import { twoArmTests, type MinimumEffect, type TwoArmTest } from '../dsl/hypothesis.js';
import type { Pairing } from '../design/pairing.js';
import type { DecisionRule } from './decisionRule.js';

/** A two-arm comparison with what power and the decision need beside the report. */
export interface TwoArmComparison extends TestReport {
  readonly meanDifference: number;
  /** The raw difference the minimum effect stands for (the equivalence margin). */
  readonly margin: number;
  readonly power: PowerReport;
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
  const alpha = rule.alpha / rule.familySize;
  // TOST at ±m: raw margins for `mean-difference`; m standard deviations (with the standardiser's own error) for `hedges-g`
  const standardised = rule.minEffect.measure === 'hedges-g' ? standardisedEquivalence(a, b, { design, margin: m }) : undefined;
  const equivalence = (standardError: number, df: number) =>
    standardised?.pValue ?? twoOneSidedTests({ estimate: meanDifference, standardError, df, lower: -m, upper: m }).pValue;
  const margin = standardised?.upper ?? m;
  const common = { label, test, statistic: claimed.statistic, pValue: claimed.pValue, pOpposite: opposite.pValue, meanDifference, margin };
  if (design === 'paired') {
    const g = hedgesGAv(a, b);
    const dz = cohensDz(a, b);
    const n = a.length;
    const sdDiff = sampleStandardDeviation(a.map((v, i) => v - b[i]));
    const dzAt = (difference: number) => (sdDiff > 0 ? difference / sdDiff : difference > 0 ? Infinity : 0);
    const powerAt = (d: number) => (Number.isFinite(d) ? oneSamplePower({ effect: d, n, alpha }) : 1);
    return {
      ...common,
      effect: { name: "Hedges' g_av", value: g.value, ci: g.ci },
      pairedEffect: { name: 'd_z', value: dz.value, ci: dz.ci },
      pEquivalence: equivalence(sdDiff / Math.sqrt(n), n - 1),
      power: {
        atMinimumEffect: powerAt(dzAt(margin)),
        atObservedEffect: powerAt(dzAt(meanDifference)),
        replicatesFor80: oneSampleReplicates({ effect: dzAt(meanDifference), alpha }),
      },
    };
  }
  const g = hedgesG(a, b);
  const welch = welchT(a, b);
  const minimum = rule.minEffect.measure === 'hedges-g' ? m : g.value;
  return {
    ...common,
    effect: { name: "Hedges' g", value: g.value, ci: g.ci },
    pEquivalence: equivalence(Math.sqrt(sampleVariance([...a]) / a.length + sampleVariance([...b]) / b.length), welch.df),
    power: {
      atMinimumEffect: achievedPower({ effect: minimum, n1: a.length, n2: b.length, alpha, sided: 1 }),
      atObservedEffect: achievedPower({ effect: g.value, n1: a.length, n2: b.length, alpha, sided: 1 }),
      replicatesFor80: g.value > 0 ? replicatesForPower({ effect: g.value, alpha, sided: 1 }) : Infinity,
    },
  };
}

export const meetsMinimum = (minEffect: MinimumEffect, c: TwoArmComparison) =>
  minEffect.measure === 'mean-difference' ? c.meanDifference >= minEffect.value : c.effect.value >= minEffect.value;
