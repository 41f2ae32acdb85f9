import type { Interval } from '../stats/interval.js';
import type { Hypothesis, MinimumEffect } from './hypothesis.js';

/** Version of the claims.json layout. */
export const claimsReportVersion = 1;

export type Verdict = 'supported' | 'contradicted' | 'not shown';

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
  /** The deciding test (the trend test for ordered claims). */
  readonly main: TestReport;
  /** Adjacent pairwise tests of an ordered claim, with Holm-adjusted p within the claim. */
  readonly pairwise: readonly (TestReport & { readonly pHolm: number })[];
  /** Claimed-direction p after the family correction used for the verdict (Bonferroni over the family). */
  readonly pAdjusted: number;
  readonly power: PowerReport;
  readonly n: Readonly<Record<string, number>>;
}

/** Per-arm data of a claim. */
export interface ArmReport {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly runs: readonly {
    readonly seed: number;
    readonly values: Readonly<Record<string, number | null>>;
    readonly diverged: boolean;
    /** Per-epoch test accuracy and event epochs, for the curves. */
    readonly curve: readonly number[];
    readonly events: readonly { readonly epoch: number; readonly stability: number }[];
  }[];
  readonly summary: Readonly<Record<string, { readonly mean: number; readonly sd: number }>>;
}

/** Everything the reporter needs about one claim; carried in the test's `task.meta.claim`. */
export interface ClaimReport {
  readonly id: string;
  readonly title: string;
  /** The paper claim encoded (PAPER.md numbering and text). */
  readonly paperClaim: string;
  readonly hypothesis: Hypothesis;
  readonly alpha: number;
  readonly minEffect: MinimumEffect;
  readonly familySize: number;
  /** The metric whose verdict decides pass/fail. */
  readonly decidingMetric: string;
  readonly verdict: Verdict;
  readonly verdicts: readonly MetricVerdict[];
  readonly arms: readonly ArmReport[];
  readonly profile: string;
  readonly profileDescription: string;
  readonly seedPhase: string;
  readonly backend: string;
  readonly tfjsVersion: string;
  readonly durationSeconds: number;
  /** Allowed distance between this effect's CI and a baseline's effect. */
  readonly baselineTolerance: number;
  /** Present when the claim expects not to reproduce at this profile: the reason. */
  readonly expectedToFail?: string;
  /** fast-check run of a property claim. */
  readonly property?: { readonly seed: number; readonly path?: string; readonly numRuns: number; readonly counterexample?: string; readonly replay: string };
}
