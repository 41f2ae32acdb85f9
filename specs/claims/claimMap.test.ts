import { describe, expect, it } from 'vitest';
import { exploreClaimMap } from '../../src/claims/maps/claimMap.js';
import { cheapestSupportedPoint } from '../../src/claims/maps/cheapestSupportedPoint.js';
import { applyProtocolPoint, protocolGrid, protocolRunCost, type ProtocolPoint } from '../../src/claims/maps/protocolSpace.js';
import { miniV1Protocol } from '../../src/claims/profiles/miniV1Profile.js';
import { heatMap } from '../../src/report/svgPlots.js';

describe('claim map', () => {
  it('explores the space on synthetic verdicts and shrinks a failure to the simplest configuration', async () => {
    const evaluated: string[] = [];
    const map = await exploreClaimMap({
      claimId: 'prune-l-beats-baseline',
      space: { labelNoise: [0, 0.1, 0.2, 0.3], epochsAfterLastEvent: [15, 30, 60] },
      evaluate: async (point) => {
        evaluated.push(JSON.stringify(point));
        const holds = (point.labelNoise ?? 0) >= 0.2;
        return { verdict: holds ? 'supported' : 'not shown', effect: holds ? 1 : 0 };
      },
      numRuns: 20,
      seed: 42,
    });
    expect(map.counterexample).toEqual({ labelNoise: 0, epochsAfterLastEvent: 15 });
    expect(map.cells.length).toBe(new Set(evaluated).size);
    expect(new Set(evaluated).size).toBe(evaluated.length);
    // a budget of 20 covers the whole 4 × 3 grid, failures notwithstanding
    expect(map.cells).toHaveLength(12);
    expect(map.cells.every((c) => (c.verdict === 'supported') === (c.point.labelNoise ?? 0) >= 0.2)).toBe(true);
    expect(map.search.kind === 'fast-check' && map.search.path).toBeTruthy();
    // replaying the recorded path reaches the same counterexample directly
    const replay = await exploreClaimMap({
      claimId: 'x',
      space: { labelNoise: [0, 0.1, 0.2, 0.3], epochsAfterLastEvent: [15, 30, 60] },
      evaluate: async (p) => ({ verdict: (p.labelNoise ?? 0) >= 0.2 ? 'supported' : 'not shown', effect: 0 }),
      numRuns: 20,
      seed: 42,
      path: map.search.kind === 'fast-check' ? map.search.path : undefined,
    });
    expect(replay.counterexample).toEqual(map.counterexample);
  });

  it('evaluates its budget of distinct points, then only the points shrinking needs', async () => {
    const evaluated: string[] = [];
    const map = await exploreClaimMap({
      claimId: 'x',
      space: { labelNoise: [0, 0.1, 0.2, 0.3], epochsAfterLastEvent: [15, 30, 60] },
      evaluate: async (point) => {
        evaluated.push(JSON.stringify(point));
        return { verdict: point.epochsAfterLastEvent === 60 ? 'supported' : 'contradicted', effect: 0 };
      },
      numRuns: 5,
      seed: 3,
    });
    expect(map.counterexample).toEqual({ labelNoise: 0, epochsAfterLastEvent: 15 });
    expect(map.cells.length).toBeGreaterThanOrEqual(5);
    expect(map.cells.length).toBeLessThanOrEqual(7);
    expect(new Set(evaluated).size).toBe(evaluated.length);
  });

  it('applies a point to the protocol: label noise, epochs after the last event, width, large r', () => {
    const p = applyProtocolPoint(miniV1Protocol, { labelNoise: 0.1, epochsAfterLastEvent: 31, widthMultiplier: 2, largeInterval: 8, trainSize: 2000 });
    expect(p.train.data.labelNoise).toBe(0.1);
    expect(p.train.data.trainSize).toBe(2000);
    expect(p.train.data.validationSize).toBe(miniV1Protocol.train.data.validationSize);
    expect(p.train.epochs).toBe(Math.max(...miniV1Protocol.layers.map((l) => l.end)) + 1 + 31);
    expect(p.train.model.widthMultiplier).toBe(2);
    expect(p.rates.large).toBe(8);
    expect(miniV1Protocol.train.data.labelNoise).toBe(0.4);
  });

  it('enumerates the grid and costs a run in example-epochs × width²', () => {
    const grid = protocolGrid({ labelNoise: [0.2, 0.4], widthMultiplier: [0.5, 1], trainSize: [1000] });
    expect(grid).toEqual([
      { labelNoise: 0.2, widthMultiplier: 0.5, trainSize: 1000 },
      { labelNoise: 0.2, widthMultiplier: 1, trainSize: 1000 },
      { labelNoise: 0.4, widthMultiplier: 0.5, trainSize: 1000 },
      { labelNoise: 0.4, widthMultiplier: 1, trainSize: 1000 },
    ]);
    expect(protocolRunCost(miniV1Protocol)).toBe(1000 * 20 * 0.25);
    expect(protocolRunCost(applyProtocolPoint(miniV1Protocol, { epochsAfterLastEvent: 39, widthMultiplier: 1, trainSize: 2000 }))).toBe(2000 * 50);
  });

  it('by cost: evaluates the cheapest levels until one has a supported point, and chooses as its rule says', async () => {
    const space = { labelNoise: [0.2, 0.4, 0.6], epochsAfterLastEvent: [9, 19, 39], trainSize: [1000, 2000] };
    const cost = (p: ProtocolPoint) => protocolRunCost(applyProtocolPoint(miniV1Protocol, p));
    const holds = (p: ProtocolPoint) => (p.labelNoise ?? 0) >= 0.4 && (p.epochsAfterLastEvent ?? 0) >= 19;
    const evaluated: ProtocolPoint[] = [];
    const map = await cheapestSupportedPoint({
      claimId: 'x',
      space,
      cost,
      evaluate: async (p) => {
        evaluated.push(p);
        return { verdict: holds(p) ? 'supported' : 'contradicted', effect: (p.labelNoise ?? 0) - (p.trainSize ?? 0) / 1e4, seedsPerArm: 5 };
      },
    });
    // levels 1000×20, 1000×30, 2000×20, …: the second is the first with a supported point
    expect(map.search).toMatchObject({ kind: 'by-cost', chosen: { labelNoise: 0.6, epochsAfterLastEvent: 19, trainSize: 1000 }, gridPoints: 18 });
    expect(evaluated.map(cost)).toEqual([...evaluated.map(cost)].sort((a, b) => a - b));
    expect(Math.max(...evaluated.map(cost))).toBe(cost({ epochsAfterLastEvent: 19, trainSize: 1000 }));
    expect(map.cells).toHaveLength(6);
    expect(map.counterexample).toEqual({ labelNoise: 0.2, epochsAfterLastEvent: 9, trainSize: 1000 });
    // nothing supported: every point, the largest effect, ties towards fewer epochs
    const none = await cheapestSupportedPoint({
      claimId: 'x',
      space,
      cost,
      evaluate: async (p) => ({ verdict: 'not shown', effect: p.labelNoise === 0.4 ? 1 : 0 }),
    });
    expect(none.cells).toHaveLength(18);
    expect(none.search.kind === 'by-cost' && none.search.chosen).toEqual({ labelNoise: 0.4, epochsAfterLastEvent: 9, trainSize: 1000 });
  });

  it('renders a heat map with one cell per evaluated point', () => {
    const svg = heatMap({
      title: 'map',
      xLabel: 'labelNoise',
      yLabel: 'epochs',
      cells: [
        { x: '0', y: '15', verdict: 'not shown', text: '0.00' },
        { x: '0.2', y: '15', verdict: 'supported', text: '1.00' },
      ],
    });
    expect(svg.match(/class="cell /g)).toHaveLength(2);
    expect(svg).toContain('cell supported');
    const unordered = heatMap({
      title: 'm',
      xLabel: 'x',
      yLabel: 'y',
      cells: ['0.3', '0', '0.1'].map((x) => ({ x, y: '15', verdict: 'not shown', text: `g${x}` })),
    });
    // numeric axes are drawn in numeric order, whatever order the points were evaluated in
    const column = (label: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${label}<`).exec(unordered)?.[1]);
    expect(column('g0')).toBeLessThan(column('g0.1'));
    expect(column('g0.1')).toBeLessThan(column('g0.3'));
  });
});
