/**
 * The design power of a claim (docs/methods/verdicts.md §8.3): the probability that its replicate
 * design reaches `supported` when the true effect equals the minimum, with the design's maximum seeds
 * and stages. Two-arm and ordered claims by simulation through the claims' own decision path
 * (`runDesign` stage by stage, each judged by `evaluateHypothesis`); correlations and one-sample
 * claims by the normal approximation of the design's boundaries.
 */
import type { MetricVerdict } from './decide/metricVerdict.js';
import type { Pairing } from './design/pairing.js';
import type { DesignReport, ReplicateDesign } from './design/sequentialDesign.js';
import { powerAtDrift } from './design/normalApproximation.js';
import { simulateDesign, twoArmHypothesis, twoArmTrial } from './simulateDesign.js';

/** What a report says of its design's power. */
export interface DesignPower {
  /** P(`supported`) at the minimum effect under the design. */
  readonly supported: number;
  readonly method: 'simulation' | 'normal approximation';
  /** Simulated trials (0 for the normal approximation). */
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

/** Trials of a simulated design power (Monte Carlo SE ≤ 0.011). */
export const designPowerTrials = 2000;
const cache = new Map<string, Promise<DesignPower>>();

/**
 * The design power of a deciding comparison, cached per design, level, minimum, pairing and
 * correlation (rounded to 0.1). `paired`/`unpaired`: simulated, the minimum in SD units (`shift`;
 * for a `mean-difference` minimum, it over the arms' SD). `normal`: the design's boundaries at the
 * drift of the minimum, each raised to where the estimate reaches the minimum (`supported` needs both).
 *
 * @example
 * ```ts
 * await designPower({ design, alpha: 0.05, familySize: 15, comparison: { kind: 'paired', shift: 0.5, correlation: 0.62 } }); // { supported: …, method: 'simulation', trials: 1000, correlation: 0.6 }
 * ```
 */
export function designPower(options: {
  design: ReplicateDesign;
  alpha: number;
  familySize: number;
  comparison: { kind: Pairing; shift: number; correlation?: number } | { kind: 'normal'; driftAtMaximum: number };
}): Promise<DesignPower> {
  const { design, alpha, familySize, comparison } = options;
  if (comparison.kind === 'normal') {
    const supported = powerAtDrift(design, alpha / familySize, comparison.driftAtMaximum, { estimateReachesMinimum: true });
    return Promise.resolve({ supported, method: 'normal approximation', trials: 0 });
  }
  // an arm constant across seeds (the unpruned arm's stability) has no correlation with the other: 0, its covariance
  const observed = Number.isFinite(comparison.correlation) ? (comparison.correlation as number) : 0;
  const correlation = comparison.kind === 'paired' ? Math.round(Math.min(0.9, Math.max(0, observed)) * 10) / 10 : undefined;
  const shift = Math.round(comparison.shift * 1000) / 1000;
  const key = JSON.stringify([design, alpha, familySize, comparison.kind, shift, correlation]);
  let cached = cache.get(key);
  if (cached === undefined) {
    cached = simulateDesign({
      design,
      alpha,
      familySize,
      minEffect: { measure: 'hedges-g', value: shift },
      hypothesis: twoArmHypothesis,
      data: twoArmTrial({ pairing: comparison.kind, correlation: correlation ?? 0, shift }),
      trials: designPowerTrials,
      seed: 1,
    }).then((r) => ({
      supported: r.supported,
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
 * design): simulated for two-arm and ordered claims (ordered: the weakest step at the minimum), the
 * normal approximation for one-sample and correlation readings.
 */
export function claimDesignPower(report: {
  readonly alpha: number;
  readonly familySize: number;
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
  if (p.minimumInSd !== undefined && v.design !== 'one-sample')
    return designPower({ ...common, comparison: { kind: v.design, shift: p.minimumInSd, correlation: p.armCorrelation } });
  if (p.driftPerSeed !== undefined)
    return designPower({ ...common, comparison: { kind: 'normal', driftAtMaximum: p.driftPerSeed * Math.sqrt(d.seedsPerArm[d.seedsPerArm.length - 1]) } });
}
