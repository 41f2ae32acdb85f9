import { normalQuantile } from '../../stats/distributions.js';
import { crossingProbabilities, groupSequentialBoundaries, type GroupSequentialDesign, type SpendingFunction } from '../../stats/groupSequentialBoundaries.js';
import type { Verdict } from '../dsl/verdict.js';

/** What {@link runDesign} needs of an evaluation: the verdict, and the deciding metric's power (a claim report has both). */
export interface StageReport {
  readonly verdict: Verdict;
  readonly decidingMetric: string;
  readonly replicateDesign?: DesignReport;
  readonly verdicts: readonly { readonly metric: string; readonly power: { readonly atMinimumEffect: number } }[];
}

/** A fixed number of seeds per arm (one stage). */
export interface FixedDesign {
  readonly kind: 'fixed';
  readonly seedsPerArm: number;
}

/**
 * A group-sequential design, fixed before results: seeds per arm are added `stageSize` at a time up
 * to `maxSeeds`, and after each stage an undecided claim is tested at that stage's Lan-DeMets
 * boundary (α over the family spent by `spending`); it stops at the first verdict.
 */
export interface SequentialDesign {
  readonly kind: 'sequential';
  readonly stageSize: number;
  readonly maxSeeds: number;
  readonly spending: SpendingFunction;
}

export type ReplicateDesign = FixedDesign | SequentialDesign;

/** What a report says of the design a claim ran under. */
export interface DesignReport {
  readonly kind: ReplicateDesign['kind'];
  /** 1-based stage the claim stopped at, of `stages`. */
  readonly stage: number;
  readonly stages: number;
  /** Seeds per arm after each stage. */
  readonly seedsPerArm: readonly number[];
  /** z boundaries per stage at α / family size (sequential); empty for a fixed design. */
  readonly critical: readonly number[];
  /** α / family size spent up to the stopping stage (the whole α / family size for a fixed design). */
  readonly spentAlpha: number;
  readonly spending?: SpendingFunction;
  /**
   * Sequential: expected seeds per arm under the design (normal approximation, stops for the claim):
   * under the null, and at the minimum effect (the drift the deciding test's power at the minimum
   * implies, carried to the maximum).
   */
  readonly expectedSeedsPerArm?: { readonly underNull: number; readonly atMinimum: number };
}

/**
 * Seeds per arm after each stage: `[seeds]` for a fixed design, `stageSize, 2·stageSize, …, maxSeeds`
 * for a sequential one.
 *
 * @example
 * ```ts
 * stageSeeds({ kind: 'sequential', stageSize: 5, maxSeeds: 20, spending: 'obrien-fleming' }); // [5, 10, 15, 20]
 * ```
 */
export function stageSeeds(design: ReplicateDesign): number[] {
  if (design.kind === 'fixed') return [design.seedsPerArm];
  const { stageSize, maxSeeds } = design;
  if (!Number.isInteger(stageSize) || stageSize < 2 || !Number.isInteger(maxSeeds) || maxSeeds < stageSize) {
    throw new Error(`design: stageSize ${stageSize} and maxSeeds ${maxSeeds} are not allowed; use integers with 2 ≤ stageSize ≤ maxSeeds`);
  }
  const seeds = Array.from({ length: Math.ceil(maxSeeds / stageSize) }, (_, k) => Math.min(maxSeeds, (k + 1) * stageSize));
  return seeds;
}

/**
 * Runs a claim under its design: `evaluate(seeds, critical)` gives the claim's report with that many
 * seeds per arm, judged at the stage's boundary (undefined: the fixed rule). A sequential claim stops
 * at the first stage whose deciding verdict is not `not shown`; the report carries the design
 * (`replicateDesign`).
 *
 * @example
 * ```ts
 * await runDesign({ design, alpha: 0.05, familySize: 11, evaluate: (seeds, critical) => evaluateAt(seeds, critical) });
 * ```
 */
export async function runDesign<R extends StageReport>(options: {
  design: ReplicateDesign;
  alpha: number;
  familySize: number;
  evaluate: (seedsPerArm: number, critical: number | undefined) => Promise<R>;
}): Promise<R & { readonly replicateDesign: DesignReport }> {
  const { design, alpha, familySize } = options;
  const seedsPerArm = stageSeeds(design);
  const level = alpha / familySize;
  if (design.kind === 'fixed') {
    const report = await options.evaluate(design.seedsPerArm, undefined);
    return { ...report, replicateDesign: { kind: 'fixed', stage: 1, stages: 1, seedsPerArm, critical: [], spentAlpha: level } };
  }
  const boundaries = designBoundaries(design, level);
  for (let k = 0; ; k++) {
    const report = await options.evaluate(seedsPerArm[k], boundaries.critical[k]);
    if (report.verdict !== 'not shown' || k === seedsPerArm.length - 1) {
      return {
        ...report,
        replicateDesign: {
          kind: 'sequential',
          stage: k + 1,
          stages: seedsPerArm.length,
          seedsPerArm,
          critical: boundaries.critical,
          spentAlpha: boundaries.spent[k],
          spending: design.spending,
        },
      };
    }
  }
}

const boundaryCache = new Map<string, GroupSequentialDesign>();

/** The Lan-DeMets boundaries of a sequential design at one level (computed once per design and level: ~0.4 s for 8 stages). */
function designBoundaries(design: SequentialDesign, level: number): GroupSequentialDesign {
  const key = JSON.stringify([design.stageSize, design.maxSeeds, design.spending, level]);
  const cached = boundaryCache.get(key);
  if (cached !== undefined) return cached;
  const boundaries = groupSequentialBoundaries({ fractions: stageSeeds(design).map((n) => n / design.maxSeeds), alpha: level, spending: design.spending });
  boundaryCache.set(key, boundaries);
  return boundaries;
}

/**
 * A sequential claim's report with the expected seeds per arm under its design (normal
 * approximation): under the null, and at the minimum effect, from the drift the deciding test's power
 * at the minimum implies at the stage it stopped. Descriptive only; a fixed design's report is returned as is.
 *
 * @example
 * ```ts
 * withExpectedSeeds(await runDesign({ design, alpha: 0.05, familySize: 11, evaluate }), design, 0.05 / 11).replicateDesign?.expectedSeedsPerArm;
 * ```
 */
export function withExpectedSeeds<R extends StageReport>(report: R, design: ReplicateDesign, level: number): R {
  const d = report.replicateDesign;
  if (design.kind === 'fixed' || d === undefined) return report;
  const deciding = report.verdicts.find((v) => v.metric === report.decidingMetric) ?? report.verdicts[0];
  const fraction = d.seedsPerArm[d.stage - 1] / design.maxSeeds;
  const expectedSeedsPerArm = {
    underNull: expectedSeeds(design, level, 0),
    atMinimum: expectedSeeds(design, level, driftAtMaximum(deciding.power.atMinimumEffect, level, fraction)),
  };
  return { ...report, replicateDesign: { ...d, expectedSeedsPerArm } };
}

/**
 * The drift (mean of the z statistic) at the maximum that a fixed-design power at a share `fraction` of
 * the maximum implies, by the normal approximation: z_{1−level} + Φ⁻¹(power), grown by 1/√fraction.
 *
 * @example
 * ```ts
 * driftAtMaximum(0.5, 0.025, 1); // ≈ 1.96
 * ```
 */
export function driftAtMaximum(power: number, level: number, fraction: number): number {
  const p = Math.min(1 - 1e-12, Math.max(1e-12, power));
  return (normalQuantile(1 - level) + normalQuantile(p)) / Math.sqrt(fraction);
}

/**
 * Expected seeds per arm of a sequential design when the z statistic at the maximum has mean
 * `drift` (0 under the null; d_z·√maxSeeds for a paired effect d_z), counting stops for the claim
 * only (stops for `contradicted` or `absent` end earlier, so this is an upper bound), from the
 * normal approximation of the stage statistics.
 *
 * @example
 * ```ts
 * expectedSeeds({ kind: 'sequential', stageSize: 5, maxSeeds: 40, spending: 'obrien-fleming' }, 0.05 / 11, 0); // ≈ 40
 * ```
 */
export function expectedSeeds(design: SequentialDesign, level: number, drift: number): number {
  const seeds = stageSeeds(design);
  const boundaries = designBoundaries(design, level);
  const { perStage } = crossingProbabilities(boundaries, drift);
  const stopped = perStage.reduce((s, p, k) => s + p * seeds[k], 0);
  return stopped + (1 - perStage.reduce((s, p) => s + p, 0)) * design.maxSeeds;
}
