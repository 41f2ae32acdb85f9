import { describe, expect, it } from 'vitest';
import type { EpochLog } from '../../src/engine/train/trainRun.js';
import { summarizeRun } from '../../src/metrics/runSummary.js';
import { meanStability, stabilityPercent } from '../../src/metrics/stability.js';
import type { PruningEventLog } from '../../src/pruning/pruningController.js';

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

describe('summarizeRun', () => {
  const epochs = [epoch(0, 0.9, 0.5, 0.1), epoch(1, 0.6, 0.7, 0.7), epoch(2, 0.7, 0.8, 0.6), epoch(3, 0.65, 0.9, 0.8)];

  it('takes best test accuracy only at or after the last event, with the gap at that epoch', () => {
    const s = summarizeRun(epochs, [event(0, 0.9, 0.5), event(1, 0.8, 0.6)]);
    expect(s.windowStart).toBe(1);
    expect(s.best).toEqual({ epoch: 2, testAccuracy: 0.7, gap: 0.8 - 0.7 });
    expect(s.final.epoch).toBe(3);
    expect(s.heldout).toEqual({ epoch: 3, testAccuracy: 0.65, gap: 0.9 - 0.65, validationAccuracy: 0.8 });
    expect(s.windowMeanAccuracy).toBeCloseTo((0.6 + 0.7 + 0.65) / 3, 12);
    expect(s.meanStability).toBeCloseTo((stabilityPercent(0.9, 0.5) + 75) / 2, 12);
  });

  it('without events looks at every epoch and has stability 100', () => {
    const s = summarizeRun(epochs, []);
    expect(s.best.epoch).toBe(0);
    expect(s.meanStability).toBe(100);
  });
});
