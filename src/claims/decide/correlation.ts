import type { MetricVerdict } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import { levelOf, repeatedInterval, type DecisionRule, type HypothesisData } from './decisionRule.js';
import type { Interval } from '../../stats/interval.js';
import { armValues, oneComparison, verdictOf } from './verdictOf.js';
import { sampleCorrelation } from 'simple-statistics';
import type { Alternative } from '../../stats/alternative.js';
import { clusterJackknifeCorrelation, type CorrelationStatistic } from '../../stats/clusterJackknifeCorrelation.js';
import type { CorrelationResult } from '../../stats/correlationResult.js';
import { studentTCdf, studentTQuantile } from '../../stats/distributions.js';
import { twoOneSidedTests } from '../../stats/twoOneSidedTests.js';
import { kendallTauB } from '../../stats/kendallTauB.js';
import { pearson } from '../../stats/pearson.js';
import { correlationPower, correlationReplicates } from '../../stats/power.js';
import { repeatedMeasuresCorrelation } from '../../stats/repeatedMeasuresCorrelation.js';
import { spearman } from '../../stats/spearman.js';
import type { PowerReport, TestReport } from './metricVerdict.js';
import type { CorrelationHypothesis } from '../dsl/hypothesis.js';

/** The correlation statistics a spec may name, with the Fisher-z scale of each for unclustered runs. */
const correlationStatistics = {
  pearson: { fn: pearson, of: (x, y) => sampleCorrelation([...x], [...y]), name: 'Pearson r', seScale: 1, shift: 3 },
  kendall: { fn: kendallTauB, of: (x, y) => kendallTauB(x, y).statistic, name: 'Kendall τ-b', seScale: Math.sqrt(0.437), shift: 4 },
  spearman: { fn: spearman, of: (x, y) => spearman(x, y).statistic, name: 'Spearman ρ', seScale: Math.sqrt(1.06), shift: 3 },
} as const satisfies Record<
  NonNullable<CorrelationHypothesis['test']>,
  {
    fn: (x: readonly number[], y: readonly number[], o: { alternative?: Alternative }) => CorrelationResult;
    of: CorrelationStatistic;
    name: string;
    seScale: number;
    shift: number;
  }
>;

/** A pooled correlation over the runs of some arms: seed-cluster jackknife when the arms share seeds, else the classic test. */
export function evaluateCorrelation(h: CorrelationHypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const aligned = alignBySeed(Object.fromEntries(h.arms.map((arm) => [arm, data[arm]])));
  const xs = h.arms.flatMap((arm) => armValues(aligned, arm));
  const ys = h.arms.flatMap((arm) => aligned.second[arm]);
  const seeds = h.arms.flatMap((arm) => aligned.seeds[arm]);
  const claimed: Alternative = h.sign === 'negative' ? 'less' : 'greater';
  const opposite: Alternative = h.sign === 'negative' ? 'greater' : 'less';
  const spec = correlationStatistics[h.test ?? 'pearson'];
  const clusters = new Set(seeds).size;
  const clustered = aligned.design === 'paired' && h.arms.length > 1 && clusters >= 3;
  const m = rule.minEffect.value;
  const alpha = levelOf(rule);
  const zMargin = Math.atanh(Math.min(m, 1 - 1e-12));
  let result: CorrelationResult;
  let pOpposite: number;
  let pEquivalence: number;
  let power: PowerReport;
  let repeatedCi: Interval;
  if (clustered) {
    const jack = clusterJackknifeCorrelation(xs, ys, seeds, spec.of, { alternative: claimed });
    result = jack;
    pOpposite = clusterJackknifeCorrelation(xs, ys, seeds, spec.of, { alternative: opposite }).pValue;
    pEquivalence = twoOneSidedTests({ estimate: jack.z, standardError: jack.standardError, df: clusters - 1, lower: -zMargin, upper: zMargin }).pValue;
    // power of the jackknife t at a true atanh(r), its standard error scaled to g seeds
    const powerAt = (z: number, g: number) => {
      const se = jack.standardError * Math.sqrt(clusters / g);
      return se > 0 ? 1 - studentTCdf(studentTQuantile(1 - alpha, g - 1) - z / se, g - 1) : 1;
    };
    let seedsFor80 = Infinity;
    for (let g = 3; g <= 10_000; g++) {
      if (powerAt(zMargin, g) >= 0.8) {
        seedsFor80 = g;
        break;
      }
    }
    power = { fixedAtMinimum: powerAt(zMargin, clusters), replicatesFor80: seedsFor80, driftPerSeed: zMargin / (jack.standardError * Math.sqrt(clusters)) };
    repeatedCi = repeatedInterval(rule, { estimate: jack.z, standardError: jack.standardError, df: clusters - 1, scale: Math.tanh });
  } else {
    result = spec.fn(xs, ys, { alternative: claimed });
    pOpposite = spec.fn(xs, ys, { alternative: opposite }).pValue;
    const se = spec.seScale / Math.sqrt(Math.max(1, xs.length - spec.shift));
    const z = Math.atanh(Math.max(-1 + 1e-15, Math.min(1 - 1e-15, result.statistic)));
    repeatedCi = repeatedInterval(rule, { estimate: z, standardError: se, df: Infinity, scale: Math.tanh });
    pEquivalence = twoOneSidedTests({
      estimate: z,
      standardError: se,
      df: Infinity,
      lower: -zMargin,
      upper: zMargin,
    }).pValue;
    power = {
      fixedAtMinimum: correlationPower({ r: m, n: xs.length, alpha, sided: 1 }),
      replicatesFor80: correlationReplicates({ r: m, alpha, sided: 1 }),
      driftPerSeed: zMargin / (se * Math.sqrt(new Set(seeds).size)),
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
    equivalence: {
      scale: clustered ? 'atanh of the statistic (seed-cluster jackknife)' : 'atanh of the statistic (Fisher z)',
      lower: -zMargin,
      upper: zMargin,
      pValue: pEquivalence,
    },
    deciding: oneComparison(main.label, main.effect, { claimed: main.pValue, opposite: pOpposite, equivalence: pEquivalence }, repeatedCi),
    withinSeed: within && { statistic: within.statistic, pValue: within.pValue, ci: within.ci },
    power,
    n: clustered ? { runs: xs.length, seeds: clusters } : { runs: xs.length, seeds: new Set(seeds).size },
  });
}
