import type { MetricName } from '../../readings/runMetrics.js';

/** Two-arm tests by design (docs/methods/verdicts.md, section 3); the first of each is the default. */
export const twoArmTests = {
  paired: ['paired-t', 'wilcoxon', 'sign-flip'],
  unpaired: ['welch', 'mann-whitney', 'permutation'],
} as const satisfies Record<'paired' | 'unpaired', readonly string[]>;

export type TwoArmTest = (typeof twoArmTests)[keyof typeof twoArmTests][number];

/**
 * How runs of different arms are paired: by `seed` (the default: arms that ran the same seeds are
 * blocks, disjoint seeds are unpaired), or by `position` (replicate i of every arm forms block i,
 * whatever its seed: arms on disjoint seed blocks analysed as paired, e.g. the paired A/A control).
 */
export const pairings = ['seed', 'position'] as const;
export type PairBy = (typeof pairings)[number];

/** `a` is larger than `b` on `metric` (one-sided), by a paired test when the arms share seeds, else a two-sample test. */
export interface GreaterHypothesis<Arm extends string = string> {
  readonly kind: 'greater';
  readonly metric: MetricName;
  readonly arm: Arm;
  readonly than: Arm;
  /** Default by design: `paired-t` (seed-matched arms) or `welch` (disjoint seeds). */
  readonly test?: TwoArmTest;
  /** Default `seed` ({@link pairings}). */
  readonly pairBy?: PairBy;
}

/** The arms are ordered, largest first, on `metric`: Page's L (seed-matched arms) or Jonckheere-Terpstra, plus every adjacent pair. */
export interface OrderedHypothesis<Arm extends string = string> {
  readonly kind: 'ordered';
  readonly metric: MetricName;
  /** Claimed order, from the largest mean to the smallest. */
  readonly order: readonly Arm[];
  /** Default `seed` ({@link pairings}). */
  readonly pairBy?: PairBy;
}

/** Across the runs of `arms`, `x` and `y` correlate with the given sign. */
export interface CorrelationHypothesis<Arm extends string = string> {
  readonly kind: 'correlation';
  readonly x: MetricName;
  readonly y: MetricName;
  readonly arms: readonly Arm[];
  readonly sign: 'negative' | 'positive';
  /** Default `pearson`. */
  readonly test?: 'pearson' | 'kendall' | 'spearman';
}

/** The mean of `metric` in `arm` is below `value` (one-sample t-test). */
export interface BelowHypothesis<Arm extends string = string> {
  readonly kind: 'below';
  readonly metric: MetricName;
  readonly arm: Arm;
  readonly value: number;
}

/** A hypothesis over arms named `Arm` (the claim's arm ids: a misspelt arm is a compile error in `defineClaim`). */
export type Hypothesis<Arm extends string = string> = GreaterHypothesis<Arm> | OrderedHypothesis<Arm> | CorrelationHypothesis<Arm> | BelowHypothesis<Arm>;

/** The effect size a claim must reach (in the claimed direction) to count, fixed in the spec. */
export interface MinimumEffect {
  readonly measure: 'hedges-g' | 'mean-difference' | 'correlation';
  readonly value: number;
}

/** The arms that a hypothesis reads. */
export function hypothesisArms(h: Hypothesis): string[] {
  if (h.kind === 'greater') return [h.arm, h.than];
  if (h.kind === 'ordered') return [...h.order];
  if (h.kind === 'correlation') return [...h.arms];
  return [h.arm];
}

/** The same hypothesis read on another metric (for the three accuracy readings). */
export function withMetric(h: Hypothesis, from: MetricName, to: MetricName): Hypothesis {
  if (h.kind === 'correlation') return { ...h, x: h.x === from ? to : h.x, y: h.y === from ? to : h.y };
  return h.metric === from ? { ...h, metric: to } : h;
}
