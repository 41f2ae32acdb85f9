import type { BesideReading, MetricVerdict } from './metricVerdict.js';
import { alignBySeed } from '../design/pairing.js';
import { levelOf, outcomeOf, repeatedInterval, zOf, type DecisionRule, type HypothesisData } from './decisionRule.js';
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

type Spec = (typeof correlationStatistics)[keyof typeof correlationStatistics];

/** The pooled runs of some arms: x, y, each run's seed and arm (index). */
interface Pooled {
  readonly xs: number[];
  readonly ys: number[];
  readonly seeds: number[];
  readonly arms: number[];
}

/** One correlation test over pooled runs of seed-matched arms: the seed-cluster jackknife (optionally within arms), its three p-values and repeated CI. */
function jackknifed(pooled: Pooled, spec: Spec, h: CorrelationHypothesis, rule: DecisionRule, withinArms = false) {
  const { xs, ys, seeds } = pooled;
  const groups = withinArms ? pooled.arms : undefined;
  const claimed: Alternative = h.sign === 'negative' ? 'less' : 'greater';
  const jack = clusterJackknifeCorrelation(xs, ys, seeds, spec.of, { alternative: claimed, groups });
  const clusters = jack.clusters;
  const zMargin = Math.atanh(Math.min(rule.minEffect.value, 1 - 1e-12));
  const pOpposite = clusterJackknifeCorrelation(xs, ys, seeds, spec.of, { alternative: claimed === 'less' ? 'greater' : 'less', groups }).pValue;
  const pEquivalence = twoOneSidedTests({ estimate: jack.z, standardError: jack.standardError, df: clusters - 1, lower: -zMargin, upper: zMargin }).pValue;
  const repeatedCi = repeatedInterval(rule, { estimate: jack.z, standardError: jack.standardError, df: clusters - 1, scale: Math.tanh });
  return { jack, p: { claimed: jack.pValue, opposite: pOpposite, equivalence: pEquivalence }, repeatedCi, clusters, zMargin };
}

/** A reading beside the paper's (§9.3): the same test on some arms only, or within arms, with its own outcome. */
function besideReading(label: string, pooled: Pooled, spec: Spec, h: CorrelationHypothesis, rule: DecisionRule, withinArms = false): BesideReading {
  const { jack, p, repeatedCi, clusters } = jackknifed(pooled, spec, h, rule, withinArms);
  return {
    label,
    test: `${h.test ?? 'pearson'}, seed-cluster jackknife${withinArms ? ', arm fixed effects' : ''}`,
    verdict: outcomeOf(rule, p),
    effect: { name: spec.name, value: jack.statistic, ci: jack.ci },
    repeatedCi,
    statistics: { claimed: zOf(p.claimed), opposite: zOf(p.opposite), equivalence: zOf(p.equivalence) },
    n: { runs: pooled.xs.length, seeds: clusters },
  };
}

/**
 * A pooled correlation over the runs of some arms: seed-cluster jackknife when the arms share seeds,
 * else the classic test; beside it, among the pruned arms only (where an arm is unpruned) and with arm
 * fixed effects (docs/methods/verdicts.md §9.3).
 */
export function evaluateCorrelation(h: CorrelationHypothesis, data: HypothesisData, rule: DecisionRule): MetricVerdict {
  const aligned = alignBySeed(Object.fromEntries(h.arms.map((arm) => [arm, data[arm]])));
  const pool = (arms: readonly string[]): Pooled => ({
    xs: arms.flatMap((arm) => armValues(aligned, arm)),
    ys: arms.flatMap((arm) => aligned.second[arm]),
    seeds: arms.flatMap((arm) => aligned.seeds[arm]),
    arms: arms.flatMap((arm, a) => aligned.seeds[arm].map(() => a)),
  });
  const pooled = pool(h.arms);
  const { xs, ys, seeds } = pooled;
  const claimed: Alternative = h.sign === 'negative' ? 'less' : 'greater';
  const spec = correlationStatistics[h.test ?? 'pearson'];
  const clusters = new Set(seeds).size;
  const clustered = aligned.design === 'paired' && h.arms.length > 1 && clusters >= 3;
  const alpha = levelOf(rule);
  let result: CorrelationResult;
  let p: { claimed: number; opposite: number; equivalence: number };
  let power: PowerReport;
  let repeatedCi: Interval;
  const beside: BesideReading[] = [];
  if (clustered) {
    const tested = jackknifed(pooled, spec, h, rule);
    const { jack, zMargin } = tested;
    ({ p, repeatedCi } = tested);
    result = jack;
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
    const pruned = h.arms.filter((arm) => !(rule.unprunedArms ?? []).includes(arm));
    if (pruned.length > 0 && pruned.length < h.arms.length) beside.push(besideReading(`pruned arms only (${pruned.join(', ')})`, pool(pruned), spec, h, rule));
    beside.push(besideReading('arm fixed effects', pooled, spec, h, rule, true));
  } else {
    result = spec.fn(xs, ys, { alternative: claimed });
    const se = spec.seScale / Math.sqrt(Math.max(1, xs.length - spec.shift));
    const z = Math.atanh(Math.max(-1 + 1e-15, Math.min(1 - 1e-15, result.statistic)));
    const zMargin = Math.atanh(Math.min(rule.minEffect.value, 1 - 1e-12));
    repeatedCi = repeatedInterval(rule, { estimate: z, standardError: se, df: Infinity, scale: Math.tanh });
    p = {
      claimed: result.pValue,
      opposite: spec.fn(xs, ys, { alternative: claimed === 'less' ? 'greater' : 'less' }).pValue,
      equivalence: twoOneSidedTests({ estimate: z, standardError: se, df: Infinity, lower: -zMargin, upper: zMargin }).pValue,
    };
    power = {
      fixedAtMinimum: correlationPower({ r: rule.minEffect.value, n: xs.length, alpha, sided: 1 }),
      replicatesFor80: correlationReplicates({ r: rule.minEffect.value, alpha, sided: 1 }),
      driftPerSeed: zMargin / (se * Math.sqrt(clusters)),
    };
  }
  const main: TestReport = {
    label: `${h.x} ~ ${h.y} (${h.sign})`,
    test: clustered ? `${h.test ?? 'pearson'}, seed-cluster jackknife` : (h.test ?? 'pearson'),
    statistic: result.statistic,
    pValue: p.claimed,
    pOpposite: p.opposite,
    effect: { name: spec.name, value: result.statistic, ci: result.ci },
    pEquivalence: p.equivalence,
  };
  const within = clustered && xs.length - clusters - 1 >= 1 ? repeatedMeasuresCorrelation(xs, ys, seeds) : undefined;
  const zMargin = Math.atanh(Math.min(rule.minEffect.value, 1 - 1e-12));
  return verdictOf(rule, aligned, {
    main,
    pairwise: [],
    ...(beside.length > 0 ? { beside } : {}),
    pClaimed: p.claimed,
    pOpposite: p.opposite,
    equivalence: {
      scale: clustered ? 'atanh of the statistic (seed-cluster jackknife)' : 'atanh of the statistic (Fisher z)',
      lower: -zMargin,
      upper: zMargin,
      pValue: p.equivalence,
    },
    deciding: oneComparison(main.label, main.effect, p, repeatedCi),
    withinSeed: within && { statistic: within.statistic, pValue: within.pValue, ci: within.ci },
    power,
    n: { runs: xs.length, seeds: clusters },
  });
}
