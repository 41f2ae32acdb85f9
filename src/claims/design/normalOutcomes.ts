import { SeededRandom } from '../../primitives/seededRandom.js';
import { normalUpperQuantile } from '../../stats/distributions.js';
import { designBoundaries, stageSeeds, type ReplicateDesign } from './sequentialDesign.js';

/** Shares of the outcomes of simulated designs (docs/methods/verdicts.md §9.1). */
export interface OutcomeShares {
  readonly supported: number;
  readonly contradicted: number;
  readonly belowMinimum: number;
  readonly absent: number;
}

/**
 * The outcomes of a design under the normal approximation of its statistic's path (docs/methods/
 * verdicts.md §9.4), by seeded Monte Carlo: the estimate, in units of the minimum m, is a Brownian path
 * whose z statistic at the maximum has mean `driftAtMaximum` when the true effect is m; at a true effect
 * `effect`·m each stage judges the claimed direction, the opposite one and equivalence inside ±m (TOST)
 * at its boundary for `level`, and the design stops at its first outcome that is not `not shown`.
 *
 * @example
 * ```ts
 * simulateNormalOutcomes({ design: { kind: 'fixed', seedsPerArm: 20 }, level: 0.025, driftAtMaximum: 2.8, effect: 1, trials: 20_000, seed: 1 }).supported; // ≈ 0.8
 * ```
 */
export function simulateNormalOutcomes(options: {
  design: ReplicateDesign;
  level: number;
  driftAtMaximum: number;
  /** The true effect in units of the minimum (1: at the minimum; 0: none). */
  effect: number;
  trials: number;
  seed: number;
}): OutcomeShares {
  const { design, level, driftAtMaximum: drift, effect, trials } = options;
  const seeds = stageSeeds(design);
  const fractions = seeds.map((n) => n / seeds[seeds.length - 1]);
  const critical = design.kind === 'fixed' ? [normalUpperQuantile(level)] : designBoundaries(design, level).critical;
  const rng = new SeededRandom(options.seed);
  const counts = { supported: 0, contradicted: 0, belowMinimum: 0, absent: 0 };
  for (let trial = 0; trial < trials; trial++) {
    let brownian = 0;
    let time = 0;
    for (let k = 0; k < fractions.length; k++) {
      brownian += Math.sqrt(fractions[k] - time) * rng.normal();
      time = fractions[k];
      const noise = brownian / Math.sqrt(time);
      const z = effect * drift * Math.sqrt(time) + noise;
      const equivalent = Math.min((effect + 1) * drift * Math.sqrt(time) + noise, (1 - effect) * drift * Math.sqrt(time) - noise) >= critical[k];
      const direction = z >= critical[k] ? 'supported' : -z >= critical[k] ? 'contradicted' : undefined;
      if (direction === undefined && !equivalent) continue;
      counts[direction === undefined ? 'absent' : equivalent ? 'belowMinimum' : direction] += 1;
      break;
    }
  }
  return {
    supported: counts.supported / trials,
    contradicted: counts.contradicted / trials,
    belowMinimum: counts.belowMinimum / trials,
    absent: counts.absent / trials,
  };
}
