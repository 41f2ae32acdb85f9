import type { RunResult } from '../../src/results/runResult.js';
import { runResultVersion } from '../../src/results/runResult.js';
import { noPruning } from '../../src/pruning/pruningConfig.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { tinyRunConfig } from './tinyRunConfig.js';

/** A synthetic run result with the given summary numbers (no training): for harness tests. */
export function syntheticRun(options: { seed: number; stability: number; best: number; gap?: number; curvature?: number; events?: number }): RunResult {
  const events = Array.from({ length: options.events ?? (options.stability < 100 ? 2 : 0) }, (_, i) => ({
    epoch: 2 + i,
    layers: [],
    tPre: 0.8,
    tPost: (0.8 * options.stability) / 100,
    instability: 1 - options.stability / 100,
    stability: options.stability,
  }));
  const epochs = Array.from({ length: 6 }, (_, e) => ({
    epoch: e,
    learningRate: 1e-3,
    trainAccuracy: options.best + (options.gap ?? 0),
    trainLoss: 1,
    testAccuracy: e === 5 ? options.best : options.best - 0.05,
    testLoss: 1,
    validationAccuracy: options.best,
    seconds: 1,
  }));
  return {
    version: runResultVersion,
    config: { ...tinyRunConfig, pruning: noPruning },
    seed: options.seed,
    backend: { name: 'cpu', package: 'synthetic', tfjsVersion: '4.22.0' },
    epochs,
    events,
    flatness:
      options.curvature === undefined
        ? undefined
        : { examples: 8, eigenvalues: [options.curvature], curvature: options.curvature, gradientSecondMoment: 1, epsilonFlatness: 0.1 },
    parameters: { remaining: 10, total: 10 },
    wallSeconds: 1,
    examplesPerSecond: 1,
  };
}

/** n synthetic runs whose metric is `mean + sd·N(0,1)` (seeded). */
export function syntheticArm(options: { n: number; seed: number; stability: [number, number]; best: [number, number] }): RunResult[] {
  const rng = new SeededRandom(options.seed);
  return Array.from({ length: options.n }, (_, i) =>
    syntheticRun({
      seed: i,
      stability: Math.min(100, options.stability[0] + options.stability[1] * rng.normal()),
      best: options.best[0] + options.best[1] * rng.normal(),
    }),
  );
}

/**
 * Seed-matched synthetic arms: run i of every arm has seed `firstSeed + i`, and each seed adds one
 * shared N(0, seedSd) shift to every arm's best accuracy (the dependence real seed-matched runs have).
 */
export function seedMatchedArms(options: {
  n: number;
  seed: number;
  seedSd: number;
  arms: Readonly<Record<string, { stability: [number, number]; best: [number, number] }>>;
  firstSeed?: number;
}): Record<string, RunResult[]> {
  const rng = new SeededRandom(options.seed);
  const shifts = Array.from({ length: options.n }, () => options.seedSd * rng.normal());
  return Object.fromEntries(
    Object.entries(options.arms).map(([id, arm]) => [
      id,
      shifts.map((shift, i) =>
        syntheticRun({
          seed: (options.firstSeed ?? 0) + i,
          stability: Math.min(100, arm.stability[0] + arm.stability[1] * rng.normal()),
          best: arm.best[0] + shift + arm.best[1] * rng.normal(),
        }),
      ),
    ]),
  );
}
