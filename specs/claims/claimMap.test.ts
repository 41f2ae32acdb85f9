import { describe, expect, it } from 'vitest';
import { applyProtocolPoint, exploreClaimMap } from '../../src/claims/claimMap.js';
import { miniProtocol } from '../../src/claims/profiles/miniProfile.js';
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
    expect(map.path).toBeDefined();
    // replaying the recorded path reaches the same counterexample directly
    const replay = await exploreClaimMap({
      claimId: 'x',
      space: { labelNoise: [0, 0.1, 0.2, 0.3], epochsAfterLastEvent: [15, 30, 60] },
      evaluate: async (p) => ({ verdict: (p.labelNoise ?? 0) >= 0.2 ? 'supported' : 'not shown', effect: 0 }),
      numRuns: 20,
      seed: 42,
      path: map.path,
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
    const p = applyProtocolPoint(miniProtocol, { labelNoise: 0.1, epochsAfterLastEvent: 31, widthMultiplier: 2, largeInterval: 8 });
    expect(p.train.data.labelNoise).toBe(0.1);
    expect(p.train.epochs).toBe(Math.max(...miniProtocol.layers.map((l) => l.end)) + 1 + 31);
    expect(p.train.model.widthMultiplier).toBe(2);
    expect(p.rates.large).toBe(8);
    expect(miniProtocol.train.data.labelNoise).toBe(0.4);
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
