/**
 * What a sequential design does under the normal approximation of its stage statistics: expected
 * seeds per arm, and the probability of crossing its boundaries at a given drift.
 */
import { normalQuantile, normalUpperQuantile } from '../../stats/distributions.js';
import { crossingProbabilities } from '../../stats/groupSequentialBoundaries.js';
import { designBoundaries, stageSeeds, type ReplicateDesign, type SequentialDesign, type StageReport } from './sequentialDesign.js';

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
    atMinimum: expectedSeeds(design, level, driftAtMaximum(deciding.power.fixedAtMinimum, level, fraction)),
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

/**
 * Probability that a design's boundaries at `level` are crossed at some stage when the z statistic
 * at the maximum has mean `drift` (normal approximation of the stage statistics).
 *
 * @example
 * ```ts
 * powerAtDrift({ kind: 'fixed', seedsPerArm: 10 }, 0.025, 1.959964 + 0.841621); // ≈ 0.8
 * ```
 */
export function powerAtDrift(design: ReplicateDesign, level: number, drift: number): number {
  const seeds = stageSeeds(design);
  const fractions = seeds.map((n) => n / seeds[seeds.length - 1]);
  const critical = design.kind === 'fixed' ? [normalUpperQuantile(level)] : designBoundaries(design, level).critical;
  return crossingProbabilities({ fractions, critical, spent: [] }, drift).total;
}

/**
 * Conditional power of a sequential design after stage `stage` (1-based) with claimed-direction
 * statistic `z`: the probability that the claimed direction crosses a later stage's boundary when the
 * z statistic at the maximum has mean `drift` (the minimum effect's), by the normal approximation of
 * the remaining stages given the score now (at the minimum, `supported` is that less at most α/K, §9.1).
 *
 * @example
 * ```ts
 * conditionalPower({ kind: 'sequential', stageSize: 10, maxSeeds: 90, spending: 'obrien-fleming' }, 0.05 / 15, 3, 2, 1.5); // ≈ 0.5
 * ```
 */
export function conditionalPower(design: ReplicateDesign, level: number, drift: number, stage: number, z: number): number {
  if (design.kind === 'fixed' || !Number.isFinite(z)) return Number.NaN;
  const seeds = stageSeeds(design);
  if (stage >= seeds.length) return 0;
  const t = seeds.map((n) => n / design.maxSeeds);
  const now = t[stage - 1];
  const score = z * Math.sqrt(now);
  const critical = designBoundaries(design, level).critical;
  // later stages as a design of their own: information since now, boundaries on the score less the score now
  const later = t.slice(stage).map((tj, i) => ({ fraction: tj - now, bound: critical[stage + i] * Math.sqrt(tj) - score }));
  return crossingProbabilities({ fractions: later.map((l) => l.fraction), critical: later.map((l) => l.bound / Math.sqrt(l.fraction)), spent: [] }, drift)
    .total;
}
