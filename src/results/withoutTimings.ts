import type { RunResult } from './runResult.js';

/**
 * A result without what legitimately differs between runs trained, continued, measured on a twin
 * or read from a longer run: timings and the notes of where the training came from. Two results of
 * one config, seed and backend are the same run exactly when these are equal (training is
 * deterministic): `store:verify` compares them so.
 *
 * @example
 * ```ts
 * canonicalJson(withoutTimings(stored)) === canonicalJson(withoutTimings(retrained)); // true for a sound record
 * ```
 */
export function withoutTimings(result: RunResult) {
  const { wallSeconds: _w, examplesPerSecond: _e, resumedEpochs: _r, flatnessSeconds: _f, twinKey: _t, readFrom: _l, ...rest } = result;
  return { ...rest, epochs: result.epochs.map(({ seconds: _s, ...epoch }) => epoch) };
}
