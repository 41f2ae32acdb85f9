import { groupSequentialBoundaries, type GroupSequentialDesign, type SpendingFunction } from '../../stats/groupSequentialBoundaries.js';
import type { Verdict } from '../dsl/verdict.js';

/** What {@link runDesign} needs of an evaluation: the verdict, and the deciding metric's power (a claim report has both). */
export interface StageReport {
  readonly verdict: Verdict;
  readonly decidingMetric: string;
  readonly replicateDesign?: DesignReport;
  readonly verdicts: readonly { readonly metric: string; readonly power: { readonly fixedAtMinimum: number } }[];
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
  /** The runs ended before the design decided: a re-made report whose stored runs do not reach the next stage. */
  readonly incomplete?: boolean;
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
  /** Seeds per arm there are runs for (a re-made report); the design stops, `incomplete`, before a stage beyond them. */
  availableSeeds?: number;
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
    const incomplete = report.verdict === 'not shown' && k < seedsPerArm.length - 1 && seedsPerArm[k + 1] > (options.availableSeeds ?? Infinity);
    if (report.verdict !== 'not shown' || k === seedsPerArm.length - 1 || incomplete) {
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
          ...(incomplete ? { incomplete } : {}),
        },
      };
    }
  }
}

const boundaryCache = new Map<string, GroupSequentialDesign>();

/** The Lan-DeMets boundaries of a sequential design at one level (computed once per design and level: ~0.4 s for 8 stages). */
export function designBoundaries(design: SequentialDesign, level: number): GroupSequentialDesign {
  const key = JSON.stringify([design.stageSize, design.maxSeeds, design.spending, level]);
  const cached = boundaryCache.get(key);
  if (cached !== undefined) return cached;
  const boundaries = groupSequentialBoundaries({ fractions: stageSeeds(design).map((n) => n / design.maxSeeds), alpha: level, spending: design.spending });
  boundaryCache.set(key, boundaries);
  return boundaries;
}
