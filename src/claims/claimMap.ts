import fc from 'fast-check';
import type { Verdict } from './claimReport.js';
import type { SeedPhase } from './profiles/profile.js';
import type { Protocol } from './profiles/protocol.js';

/** The dimensions a claim map may vary, each with the values to try (the first is the simplest). */
export interface ProtocolSpace {
  /** Fraction of training labels replaced by random labels. */
  readonly labelNoise?: readonly number[];
  /** Epochs trained after the last pruning event. */
  readonly epochsAfterLastEvent?: readonly number[];
  readonly widthMultiplier?: readonly number[];
  /** `r` of the `large` rate. */
  readonly largeInterval?: readonly number[];
}

/** One point of a {@link ProtocolSpace}. */
export type ProtocolPoint = { readonly [K in keyof ProtocolSpace]?: number };

/** The verdict and effect of the claim at one point. */
export interface MapCell {
  readonly point: ProtocolPoint;
  readonly verdict: Verdict;
  readonly effect: number;
}

/** Result of {@link exploreClaimMap}: every evaluated point, and the simplest failing one found by shrinking. */
export interface ClaimMap {
  readonly claimId: string;
  readonly dimensions: readonly (keyof ProtocolSpace)[];
  readonly cells: readonly MapCell[];
  readonly counterexample?: ProtocolPoint;
  readonly seed: number;
  readonly path?: string;
  readonly numRuns: number;
  /** The base protocol's name and the seeds the points ran on, where the caller says. */
  readonly protocol?: string;
  readonly seedPhase?: SeedPhase;
}

/** The protocol with one point of the space applied. */
export function applyProtocolPoint(protocol: Protocol, point: ProtocolPoint): Protocol {
  const lastEvent = Math.max(...protocol.layers.map((l) => l.end));
  const train = protocol.train;
  return {
    ...protocol,
    name: `${protocol.name}@${JSON.stringify(point)}`,
    train: {
      ...train,
      data: point.labelNoise === undefined ? train.data : { ...train.data, labelNoise: point.labelNoise },
      model: point.widthMultiplier === undefined ? train.model : { ...train.model, widthMultiplier: point.widthMultiplier },
      epochs: point.epochsAfterLastEvent === undefined ? train.epochs : lastEvent + 1 + point.epochsAfterLastEvent,
    },
    rates: point.largeInterval === undefined ? protocol.rates : { ...protocol.rates, large: point.largeInterval },
  };
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
  evaluate: (point: ProtocolPoint) => Promise<{ verdict: Verdict; effect: number }>;
  numRuns: number;
  seed: number;
  path?: string;
  protocol?: string;
  seedPhase?: SeedPhase;
}): Promise<ClaimMap> {
  const dimensions = (Object.keys(options.space) as (keyof ProtocolSpace)[]).filter((k) => (options.space[k]?.length ?? 0) > 0);
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
    seed: options.seed,
    path: details.counterexamplePath ?? options.path,
    numRuns: options.numRuns,
    protocol: options.protocol,
    seedPhase: options.seedPhase,
  };
}
