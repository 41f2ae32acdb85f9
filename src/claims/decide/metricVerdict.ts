import type { Interval } from '../../stats/interval.js';
import type { Verdict } from '../dsl/verdict.js';

/** An effect size with its CI. */
export interface EffectReport {
  readonly name: string;
  readonly value: number;
  readonly ci: Interval;
}

/** One statistical test inside a claim (the main test or a pairwise one). */
export interface TestReport {
  readonly label: string;
  readonly test: string;
  readonly statistic: number;
  /** One-sided p-value in the claimed direction. */
  readonly pValue: number;
  /** One-sided p-value in the opposite direction (for `contradicted`). */
  readonly pOpposite: number;
  readonly effect: EffectReport;
  /** Paired comparisons: d_z (mean difference over the SD of the differences) with its CI. */
  readonly pairedEffect?: EffectReport;
  /** Equivalence (TOST) of the effect inside the spec's ±minimum: its p before the family correction. */
  readonly pEquivalence: number;
}

/** The equivalence test of a reading: margins in the scale it was tested on. */
export interface EquivalenceReport {
  /** What the margins are in, e.g. `mean difference`, `atanh(r)`. */
  readonly scale: string;
  readonly lower: number;
  readonly upper: number;
  /** TOST p (ordered claims: the smallest Holm-adjusted pair p). */
  readonly pValue: number;
  /** After the family correction; `absent` when ≤ α. */
  readonly pAdjusted: number;
}

/** Power of the claim's deciding comparison. */
export interface PowerReport {
  /** Power to detect the claim's minimum effect with these replicates. */
  readonly atMinimumEffect: number;
  /** Power at the observed effect (descriptive). */
  readonly atObservedEffect: number;
  /** Replicates per arm (or runs, for correlations) for power 0.8 at the observed effect. */
  readonly replicatesFor80: number;
}

/** The verdict of a hypothesis read on one metric. */
export interface MetricVerdict {
  readonly metric: string;
  readonly verdict: Verdict;
  /** `paired` (arms blocked by seed), `unpaired` (disjoint seeds) or `one-sample`. */
  readonly design: 'paired' | 'unpaired' | 'one-sample';
  /** First epoch read (the claim's common window; for `*-authors` each run's own window, shown as null). */
  readonly windowStart: number | null;
  /** Seeds left out of every arm (paired) or of their arm (unpaired) because a run diverged or lacked the reading. */
  readonly droppedSeeds: readonly number[];
  readonly equivalence: EquivalenceReport;
  /** Correlations over seed-matched runs: the repeated-measures (within-seed) correlation beside the pooled one. */
  readonly withinSeed?: { readonly statistic: number; readonly pValue: number; readonly ci: Interval };
  /** The deciding test (the trend test for ordered claims). */
  readonly main: TestReport;
  /** Adjacent pairwise tests of an ordered claim, with Holm-adjusted p within the claim. */
  readonly pairwise: readonly (TestReport & { readonly pHolm: number })[];
  /** Claimed-direction p after the family correction used for the verdict (Bonferroni over the family). */
  readonly pAdjusted: number;
  readonly power: PowerReport;
  readonly n: Readonly<Record<string, number>>;
}
