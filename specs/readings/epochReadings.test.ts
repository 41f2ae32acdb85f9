import { describe, expect, it } from 'vitest';
import { commonWindow, metricRegistry } from '../../src/readings/runMetrics.js';
import type { EpochLog } from '../../src/engine/train/epochLog.js';
import { bestInWindow, finalEpoch, heldoutInWindow, lastEventEpoch } from '../../src/readings/epochReadings.js';
import { meanStability, stabilityPercent } from '../../src/pruning/stability.js';
import type { PruningEventLog } from '../../src/pruning/pruningEventLog.js';

const epoch = (e: number, test: number, train: number, validation?: number): EpochLog => ({
  epoch: e,
  learningRate: 1e-3,
  trainAccuracy: train,
  trainLoss: 1,
  testAccuracy: test,
  testLoss: 1,
  validationAccuracy: validation,
  seconds: 1,
});
const event = (e: number, tPre: number, tPost: number): PruningEventLog => ({
  epoch: e,
  layers: [],
  tPre,
  tPost,
  instability: (tPre - tPost) / tPre,
  stability: stabilityPercent(tPre, tPost),
});

describe('stability', () => {
  it('is 100·(1 − (t_pre − t_post)/t_pre) per event and the unweighted mean per run (100 without events)', () => {
    expect(stabilityPercent(0.8, 0.6)).toBeCloseTo(75, 12);
    expect(stabilityPercent(0.5, 0.55)).toBeCloseTo(110, 12);
    expect(stabilityPercent(0, 0)).toBe(100);
    expect(meanStability([75, 85])).toBe(80);
    expect(meanStability([])).toBe(100);
  });
});

describe('readings in an epoch window', () => {
  const epochs = [epoch(0, 0.9, 0.5, 0.1), epoch(1, 0.6, 0.7, 0.7), epoch(2, 0.7, 0.8, 0.6), epoch(3, 0.65, 0.9, 0.8)];
  const events = [event(0, 0.9, 0.5), event(1, 0.8, 0.6)];

  it('best test accuracy only at or after the window start, with the gap at that epoch; held-out chosen on validation there', () => {
    expect(lastEventEpoch(events)).toBe(1);
    expect(bestInWindow(epochs, 1)).toEqual({ epoch: 2, testAccuracy: 0.7, gap: 0.8 - 0.7 });
    expect(finalEpoch(epochs)?.epoch).toBe(3);
    expect(heldoutInWindow(epochs, 1)).toEqual({ epoch: 3, testAccuracy: 0.65, gap: 0.9 - 0.65 });
    expect(heldoutInWindow(epochs, 0)?.epoch).toBe(3);
    expect(bestInWindow(epochs, 0)?.epoch).toBe(0);
    expect(bestInWindow(epochs, 9)).toBeUndefined();
  });

  it("the claim window is the latest last event over its runs; the authors' reading uses each run's own", () => {
    const pruned = { seed: 1, epochs, events };
    const unpruned = { seed: 1, epochs, events: [] };
    const window = commonWindow([pruned, unpruned]);
    expect(window.start).toBe(1);
    expect(metricRegistry.best(unpruned, window)).toBe(0.7);
    expect(metricRegistry['best-authors'](unpruned, window)).toBe(0.9);
    expect(metricRegistry['best-authors'](pruned, window)).toBe(0.7);
    expect(metricRegistry.stability(unpruned, window)).toBe(100);
    expect(metricRegistry.stability(pruned, window)).toBeCloseTo((stabilityPercent(0.9, 0.5) + 75) / 2, 12);
  });

  it('a record without train or validation accuracy has no gap and no held-out reading', () => {
    const bare = [
      { epoch: 0, testAccuracy: 0.5 },
      { epoch: 1, testAccuracy: 0.6 },
    ];
    expect(bestInWindow(bare, 0)).toEqual({ epoch: 1, testAccuracy: 0.6, gap: undefined });
    expect(heldoutInWindow(bare, 0)).toBeUndefined();
  });
});
