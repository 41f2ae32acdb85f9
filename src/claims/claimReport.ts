import type { AdapterInfo } from '../engine/backend/webgpuBackend.js';
import type { MetricVerdict } from './decide/metricVerdict.js';
import type { Verdict } from './dsl/verdict.js';
import type { Hypothesis, MinimumEffect } from './dsl/hypothesis.js';
import type { RunRecord } from '../readings/runRecord.js';
import type { DesignReport } from './design/sequentialDesign.js';
import type { DesignPower } from './designPower.js';

/** Version of the claims.json layout (2: four verdicts, designs, windows, equivalence, run records). */
export const claimsReportVersion = 2;

/** Per-arm data of a claim. */
export interface ArmReport {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** The key of the arm's run configuration (config and engine version, seeds aside; absent where the runs carried no config). */
  readonly configKey?: string;
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
  /** An A/A control (specs/tradeoff/controls): passes on `absent` or `not shown` only. */
  readonly control?: boolean;
  /** The replicate design the claim ran under and the stage it stopped at (absent in re-made reports of layout 1). */
  readonly replicateDesign?: DesignReport;
  /** P(`supported`) under the design at the minimum effect (docs/methods/verdicts.md §8.3). */
  readonly designPower?: DesignPower;
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
