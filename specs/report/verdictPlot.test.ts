import { describe, expect, it } from 'vitest';
import { verdictPlot } from '../../src/report/svgPlots.js';

const plot = (lower: number, value: number, upper: number) =>
  verdictPlot({ title: 't', rows: [{ label: 'claim', verdict: 'supported', value, lower, upper }] });
const lineOf = (svg: string) =>
  svg
    .match(/<line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)" y2="[\d.]+" stroke="#333" stroke-width="2"\/>/)
    ?.slice(1)
    .map(Number);

describe('the verdicts picture', () => {
  it('draws an interval inside the axis as it is, without arrows', () => {
    const svg = plot(-1, 0.5, 2);
    expect(svg).not.toContain('class="clipped"');
    const [from, to] = lineOf(svg) ?? [];
    expect(to - from).toBeCloseTo((3 / 8) * 420, 6);
  });

  it('clips an interval wider than the axis and marks each clipped end with an arrow', () => {
    const svg = plot(-9, 1, 12);
    expect(svg.match(/class="clipped"/g)).toHaveLength(2);
    const [from, to] = lineOf(svg) ?? [];
    expect(to - from).toBeCloseTo(420, 6);
  });

  it('keeps an interval that lies wholly beyond the axis visible, as an arrow at the edge', () => {
    const svg = plot(5, 6, 7);
    expect(svg.match(/class="clipped"/g)).toHaveLength(1);
    expect(svg).toMatch(/<path class="clipped" d="M728 /);
  });
});
