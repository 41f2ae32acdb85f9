import type { AdapterInfo } from '../engine/backend/webgpuBackend.js';
import type { Interval } from '../stats/interval.js';
import type { Hypothesis, MinimumEffect } from './hypothesis.js';
import type { RunRecord } from './runRecord.js';
import type { DesignReport } from './sequentialDesign.js';

/** Version of the claims.json layout (2: four verdicts, designs, windows, equivalence, run records). */
export const claimsReportVersion = 2;

/** The four verdicts, in order of precedence (docs/methods/verdicts.md, section 4). */
export const verdicts = ['supported', 'contradicted', 'absent', 'not shown'] as const;

export type Verdict = (typeof verdicts)[number];

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

/** Per-arm data of a claim. */
export interface ArmReport {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Every run as a record (seed, per-epoch accuracies, events, flatness) with its readings in this claim's window. */
  readonly runs: readonly (RunRecord & { readonly values: Readonly<Record<string, number | null>>; readonly diverged: boolean })[];
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
  /** The claim's common window: first epoch of every accuracy reading (docs/methods/verdicts.md). */
  readonly windowStart: number;
  /** An A/A control (specs/tradeoff/controls): passes unless `supported` or `contradicted`. */
  readonly control?: boolean;
  /** The replicate design the claim ran under and the stage it stopped at (absent in re-made reports of layout 1). */
  readonly replicateDesign?: DesignReport;
  readonly verdict: Verdict;
  readonly verdicts: readonly MetricVerdict[];
  readonly arms: readonly ArmReport[];
  readonly profile: string;
  readonly profileDescription: string;
  readonly seedPhase: string;
  readonly backend: string;
  /** On `webgpu`: the adapter the runs were trained on. */
  readonly adapter?: AdapterInfo;
  readonly tfjsVersion: string;
  readonly durationSeconds: number;
  /** Allowed distance between this effect's CI and a baseline's effect. */
  readonly baselineTolerance: number;
  /** Present when the claim expects not to reproduce at this profile: the reason. */
  readonly expectedToFail?: string;
  /** fast-check run of a property claim. */
  readonly property?: { readonly seed: number; readonly path?: string; readonly numRuns: number; readonly counterexample?: string; readonly replay: string };
}
