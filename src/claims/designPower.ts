/**
 * The design power of a claim (docs/methods/verdicts.md §9.4): the probability that its whole decision
 * rule reaches `supported` when the true effect equals the minimum, and `absent` when there is none,
 * with the design's maximum seeds and stages. Two-arm and ordered claims by simulation through the
 * claims' own decision path (`runDesign` stage by stage, each judged by `evaluateHypothesis`);
 * correlations and one-sample claims by Monte Carlo of the normal approximation of the statistic's path.
 */
import type { MetricVerdict } from './decide/metricVerdict.js';
import type { Hypothesis } from './dsl/hypothesis.js';
import type { Pairing } from './design/pairing.js';
import type { DesignReport, ReplicateDesign } from './design/sequentialDesign.js';
import { simulateNormalOutcomes } from './design/normalOutcomes.js';
import { orderedHypothesis, orderedTrial, simulateDesign, twoArmHypothesis, twoArmTrial } from './simulateDesign.js';

/** What a report says of its design's power. */
export interface DesignPower {
  /** P(`supported`) under the design when the true effect equals the minimum (ordered: every step at it). */
  readonly supported: number;
  /** P(`absent`) under the design when there is no effect (absent in reports made before §9). */
  readonly absentAtZero?: number;
  readonly method: 'simulation' | 'normal approximation';
  /** Simulated trials per effect (Monte Carlo paths for the normal approximation). */
  readonly trials: number;
  /** The arms' correlation across seeds it was simulated at (paired designs), rounded to 0.1. */
  readonly correlation?: number;
}

/** The design a report ran under, rebuilt from what the report says of it. */
export function designOf(report: DesignReport): ReplicateDesign {
  const seeds = report.seedsPerArm;
  if (report.kind === 'fixed') return { kind: 'fixed', seedsPerArm: seeds[0] };
  return { kind: 'sequential', stageSize: seeds[0], maxSeeds: seeds[seeds.length - 1], spending: report.spending ?? 'obrien-fleming' };
}

/** Trials of a simulated design power per effect (Monte Carlo SE ≤ 0.011); paths of the normal approximation. */
export const designPowerTrials = 2000;
export const normalPowerPaths = 20_000;
const cache = new Map<string, Promise<DesignPower>>();

/** The comparison a design power is computed for. */
export type PowerComparison =
  | { readonly kind: Pairing; readonly shift: number; readonly correlation?: number; readonly arms?: number }
  | { readonly kind: 'normal'; readonly driftAtMaximum: number };

/**
 * The design power of a deciding comparison, cached per design, level, minimum, pairing, arms and
 * correlation (rounded to 0.1; a non-finite one, from an arm constant across seeds, counts as 0).
 * `paired`/`unpaired`: simulated, the minimum in SD units (`shift`), two arms or `arms` ordered ones;
 * `normal`: the statistic's drift at the maximum at the minimum effect.
 *
 * @example
 * ```ts
 * await designPower({ design, alpha: 0.05, familySize: 15, comparison: { kind: 'paired', shift: 0.5, correlation: 0.62 } }); // { supported: …, absentAtZero: …, method: 'simulation', trials: 2000, correlation: 0.6 }
 * ```
 */
export function designPower(options: { design: ReplicateDesign; alpha: number; familySize: number; comparison: PowerComparison }): Promise<DesignPower> {
  const { design, alpha, familySize, comparison } = options;
  if (comparison.kind === 'normal') {
    const at = (effect: number) =>
      simulateNormalOutcomes({ design, level: alpha / familySize, driftAtMaximum: comparison.driftAtMaximum, effect, trials: normalPowerPaths, seed: 1 });
    return Promise.resolve({ supported: at(1).supported, absentAtZero: at(0).absent, method: 'normal approximation', trials: normalPowerPaths });
  }
  // an arm constant across seeds (the unpruned arm's stability) has no correlation with the other: 0, its covariance
  const observed = Number.isFinite(comparison.correlation) ? (comparison.correlation as number) : 0;
  const correlation = comparison.kind === 'paired' ? Math.round(Math.min(0.9, Math.max(0, observed)) * 10) / 10 : undefined;
  const shift = Math.round(comparison.shift * 1000) / 1000;
  const arms = comparison.arms ?? 2;
  const key = JSON.stringify([design, alpha, familySize, comparison.kind, shift, correlation, arms]);
  let cached = cache.get(key);
  if (cached === undefined) {
    const at = (effect: number) =>
      simulateDesign({
        design,
        alpha,
        familySize,
        minEffect: { measure: 'hedges-g', value: shift },
        hypothesis: arms === 2 ? twoArmHypothesis : orderedHypothesis(arms),
        data:
          arms === 2
            ? twoArmTrial({ pairing: comparison.kind, correlation: correlation ?? 0, shift: effect })
            : orderedTrial({ pairing: comparison.kind, correlation: correlation ?? 0, shift: effect, arms }),
        trials: designPowerTrials,
        seed: 1,
      });
    cached = Promise.all([at(shift), at(0)]).then(([atMinimum, atZero]) => ({
      supported: atMinimum.supported,
      absentAtZero: atZero.absent,
      method: 'simulation' as const,
      trials: designPowerTrials,
      ...(correlation === undefined ? {} : { correlation }),
    }));
    cache.set(key, cached);
  }
  return cached;
}

/**
 * The design power of a claim's deciding reading under the design it ran under (undefined without a
 * design): simulated for two-arm and ordered claims (ordered: every step at the minimum, the arms'
 * correlation that of the weakest step), the normal approximation for one-sample and correlation readings.
 */
export function claimDesignPower(report: {
  readonly alpha: number;
  readonly familySize: number;
  readonly hypothesis: Hypothesis;
  readonly decidingMetric: string;
  readonly replicateDesign?: DesignReport;
  readonly verdicts: readonly MetricVerdict[];
}): Promise<DesignPower> | undefined {
  const d = report.replicateDesign;
  const v = report.verdicts.find((x) => x.metric === report.decidingMetric) ?? report.verdicts[0];
  if (d === undefined || v === undefined) return undefined;
  const design = designOf(d);
  const common = { design, alpha: report.alpha, familySize: report.familySize };
  const p = v.power;
  const arms = report.hypothesis.kind === 'ordered' ? report.hypothesis.order.length : 2;
  if (p.minimumInSd !== undefined && v.design !== 'one-sample')
    return designPower({ ...common, comparison: { kind: v.design, shift: p.minimumInSd, correlation: p.armCorrelation, arms } });
  if (p.driftPerSeed !== undefined)
    return designPower({ ...common, comparison: { kind: 'normal', driftAtMaximum: p.driftPerSeed * Math.sqrt(d.seedsPerArm[d.seedsPerArm.length - 1]) } });
}
