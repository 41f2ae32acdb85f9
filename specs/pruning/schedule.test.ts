import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperIntervals, resnet18PaperPruning, vgg11PaperPruning } from '../../src/pruning/presets.js';
import { finalKept, layerEvents } from '../../src/pruning/schedule.js';

const scheduleCase = fc.record({
  filters: fc.integer({ min: 1, max: 1024 }),
  fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
  start: fc.integer({ min: 0, max: 50 }),
  length: fc.integer({ min: 0, max: 300 }),
  interval: fc.integer({ min: 1, max: 120 }),
});

describe('pruning schedule', () => {
  it('kept counts never increase, the last event leaves exactly F, events = |range|, removal within one filter of linear', () => {
    fc.assert(
      fc.property(scheduleCase, ({ filters, fraction, start, length, interval }) => {
        const events = layerEvents({ layer: 'conv', fraction, start, end: start + length }, { filters, interval });
        const n = Math.floor(length / interval) + 1;
        expect(events).toHaveLength(n);
        expect(events.map((e) => e.epoch)).toEqual(Array.from({ length: n }, (_, k) => start + k * interval));
        const F = finalKept(filters, fraction);
        expect(events.at(-1)?.keep).toBe(F);
        let previous = filters;
        for (const e of events) {
          expect(e.keep).toBeLessThanOrEqual(previous);
          expect(Math.abs(previous - e.keep - (filters - F) / n)).toBeLessThanOrEqual(1);
          previous = e.keep;
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it("matches the paper's VGG11 numbers: r = 40 on conv7 (90% of 512) gives 7 events keeping 447 … 52", () => {
    const conv7 = vgg11PaperPruning({ interval: 40, selection: 'largest' }).layers[3];
    const events = layerEvents(conv7, { filters: 512, interval: 40 });
    expect(events.map((e) => e.epoch)).toEqual([6, 46, 86, 126, 166, 206, 246]);
    expect(events.map((e) => e.keep)).toEqual([447, 381, 315, 250, 184, 118, 52]);
    // the "13%" label: the last layer's per-event share at r = 40 (≈ 1.3% at r = 4)
    expect((512 - 447) / 512).toBeCloseTo(0.127, 3);
    const fine = layerEvents(conv7, { filters: 512, interval: 4 });
    expect(fine).toHaveLength(68);
    expect((512 - 52) / fine.length / 512).toBeCloseTo(0.0132, 4);
    expect(paperIntervals).toEqual([4, 20, 40, 60, 100, 200, 300]);
    expect(resnet18PaperPruning({ interval: 4, selection: 'smallest' }).score).toBe('activations');
  });

  it('an empty range, a bad fraction or interval is a config error naming the field', () => {
    expect(() => layerEvents({ layer: 'conv7', fraction: 0.5, start: 10, end: 9 }, { filters: 8, interval: 1 })).toThrow(
      'pruning.layers[conv7].end: 9 is not allowed; use an epoch ≥ start (10); the event range is empty',
    );
    expect(() => layerEvents({ layer: 'conv7', fraction: 1, start: 0, end: 9 }, { filters: 8, interval: 1 })).toThrow(/fraction: 1 .*\[0, 1\)/);
    expect(() => layerEvents({ layer: 'conv7', fraction: -0.1, start: 0, end: 9 }, { filters: 8, interval: 1 })).toThrow(/fraction: -0.1/);
    expect(() => layerEvents({ layer: 'conv7', fraction: 0.5, start: 0, end: 9 }, { filters: 8, interval: 0 })).toThrow(/interval: 0 .*integer ≥ 1/);
  });
});
