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

/**
 * What the deciding comparison says of power with a fixed test at α/K (descriptive: the design's own
 * power is the claim's `designPower`, docs/methods/verdicts.md §8.3).
 */
export interface PowerReport {
  /** Power of a fixed one-sided test at α/K at the minimum effect with these replicates and the observed SDs. */
  readonly fixedAtMinimum: number;
  /** Replicates per arm (seeds, for correlations) a fixed one-sided test at α/K needs for power 0.8 at the minimum effect. */
  readonly replicatesFor80: number;
  /** Paired comparisons: the correlation of the two arms' values across seeds (what the design power is simulated at). */
  readonly armCorrelation?: number;
  /** Two-arm comparisons: the minimum effect in SDs of the arms (Hedges' g_av or g units). */
  readonly minimumInSd?: number;
  /** The test statistic's mean at the minimum effect over √(seeds per arm): what the normal approximations of the design use. */
  readonly driftPerSeed: number;
}

/** The deciding test of a reading against the stage's boundary (docs/methods/verdicts.md §8.3). */
export interface DecisionReport {
  /** Which test the verdict rests on: the claimed direction, the opposite one, or equivalence (`below minimum` too; `not shown`: the one closest to its boundary). */
  readonly test: 'claimed' | 'opposite' | 'equivalence';
  /** What decided: the claim itself, or for ordered claims its deciding pair (`s13 > s1`) or `reversed trend`. */
  readonly label: string;
  /** The deciding p on the z scale, Φ⁻¹(1 − p) (ordered: after Holm). */
  readonly statistic: number;
  /** Each of the deciding comparison's three tests on the z scale (ordered: after Holm): what the outcome is made of (§9.1). */
  readonly statistics: TestStatistics;
  /** The stage's boundary c_k on the same scale (fixed design: Φ⁻¹(1 − α/K)). */
  readonly boundary: number;
  /** α/K. */
  readonly level: number;
  /** Repeated confidence interval of the deciding effect at the boundary, in the effect's measure (two-sided level 1 − 2·(1 − Φ(c_k))). */
  readonly repeatedCi: Interval;
  /** The repeated CI's guaranteed coverage over all stages together, 1 − 2α/K (§9.5). */
  readonly simultaneousLevel: number;
  /** The deciding comparison's effect (`Hedges' g_av (s13 > s1)`) with its plain 95 % CI. */
  readonly effect: EffectReport;
}

/** The z of a comparison's three tests (ordered steps: after Holm): the claimed direction, the opposite one, equivalence. */
export type TestStatistics = Readonly<Record<'claimed' | 'opposite' | 'equivalence', number>>;

/** A step of an ordered claim: its adjacent pairwise test, Holm within the claim, and its own outcome (docs/methods/verdicts.md §9.2). */
export interface StepReport extends TestReport {
  /** Claimed-direction p after Holm over the steps. */
  readonly pHolm: number;
  readonly verdict: Verdict;
  /** Its three tests on the z scale after Holm (claimed: over the steps; opposite: with the reversed trend; equivalence: over the steps). */
  readonly statistics: TestStatistics;
  readonly repeatedCi: Interval;
}

/**
 * A comparison read beside the deciding one, with its own outcome at the same boundary, never deciding
 * (§9.2: an ordered claim's endpoint contrast; §9.3: a correlation among the pruned arms, or with arm fixed effects).
 */
export interface BesideReading {
  readonly label: string;
  readonly test: string;
  readonly verdict: Verdict;
  readonly effect: EffectReport;
  readonly repeatedCi: Interval;
  readonly statistics: TestStatistics;
  readonly n: Readonly<Record<string, number>>;
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
  /** The steps of an ordered claim (adjacent pairs), each with its own outcome. */
  readonly pairwise: readonly StepReport[];
  /** Comparisons beside the deciding one, never deciding (§9.2, §9.3). */
  readonly beside?: readonly BesideReading[];
  /** Claimed-direction p after the family correction used for the verdict (Bonferroni over the family). */
  readonly pAdjusted: number;
  readonly power: PowerReport;
  readonly decision: DecisionReport;
  readonly n: Readonly<Record<string, number>>;
}
