import type { MetricVerdict } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import { levelOf, marginOf, repeatedInterval, type DecisionRule, type HypothesisData } from './decisionRule.js';
import { armValues, oneComparison, verdictOf } from './verdictOf.js';
import { sampleStandardDeviation } from 'simple-statistics';
import { twoOneSidedTests } from '../../stats/twoOneSidedTests.js';
import { oneSampleT } from '../../stats/oneSampleT.js';
import { oneSamplePower, oneSampleReplicates } from '../../stats/power.js';
import type { TestReport } from './metricVerdict.js';
import type { BelowHypothesis } from '../dsl/hypothesis.js';

/** One arm's mean below a value: one-sample t, TOST at ± the minimum. */
export function evaluateBelow(h: BelowHypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const aligned = alignBySeed({ [h.arm]: data[h.arm] });
  const x = armValues(aligned, h.arm);
  const claimed = oneSampleT(x, { mu: h.value, alternative: 'less' });
  const opposite = oneSampleT(x, { mu: h.value, alternative: 'greater' });
  const shortfall = -claimed.meanDifference;
  const sd = sampleStandardDeviation(x);
  const margin = marginOf(rule.minEffect, sd);
  const pEquivalence =
    margin > 0 ? twoOneSidedTests({ estimate: shortfall, standardError: sd / Math.sqrt(x.length), df: x.length - 1, lower: -margin, upper: margin }).pValue : 1;
  const main: TestReport = {
    label: `mean ${h.metric} of ${h.arm} < ${h.value}`,
    test: 'one-sample t',
    statistic: claimed.statistic,
    pValue: claimed.pValue,
    pOpposite: opposite.pValue,
    effect: { name: `${h.value} − mean`, value: shortfall, ci: { lower: -claimed.ci.upper, upper: -claimed.ci.lower, level: claimed.ci.level } },
    pEquivalence,
  };
  const alpha = levelOf(rule);
  const dzOfMargin = sd > 0 ? margin / sd : Infinity;
  const repeatedCi = repeatedInterval(rule, { estimate: shortfall, standardError: sd / Math.sqrt(x.length), df: x.length - 1 });
  return verdictOf(
    rule,
    { design: 'one-sample', droppedSeeds: aligned.droppedSeeds },
    {
      main,
      pairwise: [],
      pClaimed: main.pValue,
      pOpposite: main.pOpposite,
      equivalence: { scale: `${h.value} − mean`, lower: -margin, upper: margin, pValue: pEquivalence },
      deciding: oneComparison(main.label, main.effect, { claimed: main.pValue, opposite: main.pOpposite, equivalence: pEquivalence }, repeatedCi),
      power: {
        fixedAtMinimum: Number.isFinite(dzOfMargin) ? oneSamplePower({ effect: dzOfMargin, n: x.length, alpha }) : 1,
        replicatesFor80: oneSampleReplicates({ effect: dzOfMargin, alpha }),
        driftPerSeed: dzOfMargin,
      },
      n: { [h.arm]: x.length },
    },
  );
}
