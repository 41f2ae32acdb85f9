import type { RunResult } from '../../src/results/runResult.js';

/**
 * A result without what legitimately differs between runs trained, continued, measured on a twin
 * or read from a longer run: timings and the notes of where the training came from.
 */
export function withoutTimings(result: RunResult) {
  const { wallSeconds: _w, examplesPerSecond: _e, resumedEpochs: _r, flatnessSeconds: _f, twinKey: _t, readFrom: _l, ...rest } = result;
  return { ...rest, epochs: result.epochs.map(({ seconds: _s, ...epoch }) => epoch) };
}
