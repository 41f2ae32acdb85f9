import { afterEach, describe, expect, it, vi } from 'vitest';
import { detailEveryMs, formatDuration, progressLevel } from '../../src/engine/train/progress.js';

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

  it("carry a run's detail every epoch at GST_PROGRESS=2, else every 30 s where stderr is no terminal", () => {
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
