import fc from 'fast-check';
import type { Verdict } from '../dsl/verdict.js';
import type { SeedPhase } from '../profiles/profile.js';
import { spaceDimensions, type ProtocolPoint, type ProtocolSpace } from './protocolSpace.js';

/** The verdict and effect (the deciding test's standardised effect) of the claim at one point. */
export interface MapCell {
  readonly point: ProtocolPoint;
  readonly verdict: Verdict;
  readonly effect: number;
  /** Seeds per arm the verdict was reached with (a sequential design stops early). */
  readonly seedsPerArm?: number;
  /** The cost of one run at the point (src/claims/maps/protocolSpace.ts, `protocolRunCost`). */
  readonly cost?: number;
}

/** A map explored by fast-check: seeded draws, then a failure shrunk (replay with `seed` and `path`). */
export interface FastCheckSearch {
  readonly kind: 'fast-check';
  readonly seed: number;
  readonly path?: string;
  readonly numRuns: number;
}

/**
 * A map evaluated from its cheapest points up, stopping after the first cost level where the claim
 * is supported (src/claims/maps/cheapestSupportedPoint.ts): `chosen` is the point the rule selects.
 */
export interface CostOrderedSearch {
  readonly kind: 'by-cost';
  /** The selection rule, as committed before the map first ran. */
  readonly rule: string;
  readonly chosen?: ProtocolPoint;
  /** Points in the whole space (those not in `cells` cost more than the chosen one). */
  readonly gridPoints: number;
}

/** A claim over a protocol space: every evaluated point, and the simplest one where it is not supported. */
export interface ClaimMap {
  readonly claimId: string;
  readonly dimensions: readonly (keyof ProtocolSpace)[];
  readonly cells: readonly MapCell[];
  readonly counterexample?: ProtocolPoint;
  readonly search: FastCheckSearch | CostOrderedSearch;
  /** The base protocol's name and the seeds the points ran on, where the caller says. */
  readonly protocol?: string;
  readonly seedPhase?: SeedPhase;
}

/**
 * Explores where a claim holds over a protocol space with fast-check: `numRuns` distinct points
 * drawn (seeded) are all evaluated by `evaluate` (which trains or reads runs; results are cached,
 * so points share work), whatever their verdicts; then fast-check's own run with the same seed
 * finds a failing point and shrinks it towards each dimension's first value: the simplest
 * configuration where the claim is not supported (`path` replays it without the coverage pass).
 *
 * @example
 * ```ts
 * const map = await exploreClaimMap({ claimId: 'prune-l', space: { labelNoise: [0.2, 0, 0.1] }, evaluate, numRuns: 6, seed: 1 });
 * map.counterexample; // e.g. { labelNoise: 0 }
 * ```
 */
export async function exploreClaimMap(options: {
  claimId: string;
  space: ProtocolSpace;
  evaluate: (point: ProtocolPoint) => Promise<Omit<MapCell, 'point'>>;
  numRuns: number;
  seed: number;
  path?: string;
  protocol?: string;
  seedPhase?: SeedPhase;
}): Promise<ClaimMap> {
  const dimensions = spaceDimensions(options.space);
  const arbitrary = fc.record(
    Object.fromEntries(dimensions.map((d) => [d, fc.constantFrom(...(options.space[d] as number[]))])) as Record<string, fc.Arbitrary<number>>,
  );
  const cells = new Map<string, MapCell>();
  const evaluate = async (point: ProtocolPoint): Promise<MapCell> => {
    const key = JSON.stringify(point);
    const cell = cells.get(key) ?? { point, ...(await options.evaluate(point)) };
    cells.set(key, cell);
    return cell;
  };
  // coverage: every drawn point is evaluated, whatever the verdicts (fast-check alone stops at the first failure)
  if (options.path === undefined) {
    const distinct = new Map(fc.sample(arbitrary, { seed: options.seed, numRuns: 50 * options.numRuns }).map((p) => [JSON.stringify(p), p]));
    for (const point of [...distinct.values()].slice(0, options.numRuns)) await evaluate(point as ProtocolPoint);
  }
  // then the simplest failing point: fast-check's run with the same seed, shrunk (or replayed from `path`)
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (point) => (await evaluate(point as ProtocolPoint)).verdict === 'supported'),
    { seed: options.seed, path: options.path, numRuns: options.numRuns, endOnFailure: false },
  );
  return {
    claimId: options.claimId,
    dimensions,
    cells: [...cells.values()],
    counterexample: details.counterexample ? (details.counterexample[0] as ProtocolPoint) : undefined,
    search: { kind: 'fast-check', seed: options.seed, path: details.counterexamplePath ?? options.path, numRuns: options.numRuns },
    protocol: options.protocol,
    seedPhase: options.seedPhase,
  };
}
