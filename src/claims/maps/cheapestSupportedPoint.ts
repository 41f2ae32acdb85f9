import type { ClaimMap, MapCell } from './claimMap.js';
import type { Verdict } from '../dsl/verdict.js';
import type { SeedPhase } from '../profiles/profile.js';
import { protocolGrid, spaceDimensions, type ProtocolPoint, type ProtocolSpace } from './protocolSpace.js';

/** The rule {@link cheapestSupportedPoint} applies, in words (reports quote it). */
export const cheapestSupportedRule =
  'the cheapest point (run cost) at which the claim is supported; among supported points of that cost the largest effect, then fewer epochs after the last event; ' +
  'if no point is supported, the point with the largest effect, ties towards fewer epochs';

const epochsOf = (cell: MapCell) => cell.point.epochsAfterLastEvent ?? 0;
const best = (cells: readonly MapCell[]) => [...cells].sort((a, b) => b.effect - a.effect || epochsOf(a) - epochsOf(b))[0];

/**
 * Evaluates a protocol space from its cheapest points up, one cost level at a time (points of equal
 * cost together), and stops after the first level with a supported point: it selects the point that
 * {@link cheapestSupportedRule} selects over the whole grid without paying for the costlier points.
 * When no point is supported every point is evaluated and the largest effect is chosen. The
 * counterexample is the cheapest evaluated point where the claim is not supported.
 *
 * @example
 * ```ts
 * const map = await cheapestSupportedPoint({ claimId: 'prune-l-beats-baseline', space, cost: (p) => protocolRunCost(applyProtocolPoint(mini, p)), evaluate });
 * map.search.kind === 'by-cost' && map.search.chosen; // e.g. { labelNoise: 0.6, epochsAfterLastEvent: 19, widthMultiplier: 1, trainSize: 1000 }
 * ```
 */
export async function cheapestSupportedPoint(options: {
  claimId: string;
  space: ProtocolSpace;
  cost: (point: ProtocolPoint) => number;
  evaluate: (point: ProtocolPoint) => Promise<{ verdict: Verdict; effect: number; seedsPerArm?: number }>;
  protocol?: string;
  seedPhase?: SeedPhase;
}): Promise<ClaimMap> {
  const grid = protocolGrid(options.space).map((point) => ({ point, cost: options.cost(point) }));
  const levels = [...new Set(grid.map((p) => p.cost))].sort((a, b) => a - b);
  const cells: MapCell[] = [];
  let chosen: MapCell | undefined;
  for (const level of levels) {
    for (const { point, cost } of grid.filter((p) => p.cost === level)) cells.push({ point, cost, ...(await options.evaluate(point)) });
    const supported = cells.filter((c) => c.verdict === 'supported');
    if (supported.length > 0) {
      chosen = best(supported);
      break;
    }
  }
  chosen ??= best(cells);
  return {
    claimId: options.claimId,
    dimensions: spaceDimensions(options.space),
    cells,
    counterexample: cells.find((c) => c.verdict !== 'supported')?.point,
    search: { kind: 'by-cost', rule: cheapestSupportedRule, chosen: chosen?.point, gridPoints: grid.length },
    protocol: options.protocol,
    seedPhase: options.seedPhase,
  };
}
