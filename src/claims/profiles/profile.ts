import type { RunConfig } from '../../results/runConfig.js';
import type { ArmSpec } from '../dsl/armSpec.js';
import type { SequentialDesign } from '../design/sequentialDesign.js';

import type { seedPhases } from '../../settings.js';

/** Which seeds a claim uses: the calibration seeds a protocol was tuned on, or fresh ones (`GST_SEEDS`). */
export type SeedPhase = (typeof seedPhases)[number];

/**
 * A scale at which the claims run: it turns arm specs into run configs and says how many
 * replicates and which seeds to use.
 */
export interface Profile {
  readonly name: string;
  /** One paragraph for reports: data, model, schedule, what departs from the paper. */
  readonly description: string;
  /** Replicates per arm unless a spec or `GST_REPLICATES` says otherwise (a fixed design). */
  readonly seedsPerArm: number;
  /** Runs of one training config trained together as one ensemble on webgpu (`GST_SEEDS_TOGETHER` overrides it). */
  readonly seedsTogether: number;
  /** A group-sequential design replacing the fixed `seedsPerArm` (src/claims/design/sequentialDesign.ts). */
  readonly design?: SequentialDesign;
  /**
   * Train every run this many epochs and read the arm's own epoch count from it (src/run/truncateRun.ts):
   * the points of a claim map that differ in schedule length then share their runs.
   */
  readonly trainEpochs?: number;
  /** Number of rates in the sweep (`sweep-0` … `sweep-(n-1)`). */
  readonly sweepSize: number;
  /** The run config of an arm. */
  runConfig(arm: ArmSpec): RunConfig;
  /** Seeds of replicate `0 … count − 1`. */
  seeds(count: number, phase: SeedPhase): number[];
}
