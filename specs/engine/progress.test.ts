import { afterEach, describe, expect, it, vi } from 'vitest';
import { detailEveryMs, formatDuration, progressLevel } from '../../src/engine/train/progress.js';
import { batchProgress } from '../../src/run/batchProgress.js';

describe('progress lines', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('are on by default on a terminal, also from a vitest worker (FORCE_TTY), and off in a file', () => {
    vi.stubEnv('GST_PROGRESS', undefined);
    vi.stubEnv('FORCE_TTY', 'true');
    expect(progressLevel()).toBe(1);
    expect(detailEveryMs()).toBe(2_000);
    vi.stubEnv('FORCE_TTY', '');
    expect(progressLevel()).toBe(0);
  });

  it('come every epoch at GST_PROGRESS=2, else every 30 s where stderr is no terminal', () => {
    vi.stubEnv('FORCE_TTY', '');
    vi.stubEnv('GST_PROGRESS', '2');
    expect(detailEveryMs()).toBe(0);
    vi.stubEnv('GST_PROGRESS', '1');
    expect(detailEveryMs()).toBe(30_000);
  });

  it('format durations', () => {
    expect([formatDuration(12.4), formatDuration(185), formatDuration(3720)]).toEqual(['12s', '3m05s', '1h02m']);
  });
});

describe("a batch's progress lines", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('come at most every 30 s where stderr is no terminal, the first and the last always', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    vi.stubEnv('FORCE_TTY', '');
    vi.stubEnv('GST_PROGRESS', '1');
    const lines: string[] = [];
    const progress = batchProgress(
      (l) => lines.push(l),
      3,
      1,
      () => 'suite: 1/2 claims decided',
    );
    progress.line();
    for (let s = 0; s < 3; s++) {
      vi.advanceTimersByTime(10_000);
      progress.done({ epochs: [], config: { train: { data: {} } } } as never);
      progress.line('run #2 epoch 3/20');
    }
    progress.complete();
    expect(lines).toEqual([
      'runs 0/3 trained (1 cached) · suite: 1/2 claims decided',
      'runs 3/3 trained (1 cached), 0 training ex/s overall, ~0s left · suite: 1/2 claims decided | run #2 epoch 3/20',
      'runs 3/3 trained (1 cached), done in 30s',
    ]);
  });
});
