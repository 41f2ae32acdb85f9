import type { ConvBnUnit } from '../engine/models/convBnUnit.js';
import type { Optimizer } from '../engine/optim/optimizer.js';
import { tf, type Variable } from '../engine/tf.js';

/** A per-filter vector: `others` everywhere except `value` at `indices`. */
export function filterVector(length: number, indices: Iterable<number>, value: number, others = 1): Float32Array {
  const v = new Float32Array(length).fill(others);
  for (const i of indices) v[i] = value;
  return v;
}

/** Sets the unit's keep mask at `indices` to 0 (masked) or 1 (released). */
export async function setMask(unit: ConvBnUnit, indices: Iterable<number>, value: 0 | 1): Promise<void> {
  const current = await unit.mask.data();
  const next = Float32Array.from(current);
  for (const i of indices) next[i] = value;
  tf.tidy(() => unit.mask.assign(tf.tensor1d(next)));
}

/**
 * Zeroes the selected filters' conv weights (and, with `withBn`, their BN γ and β) and the optimizer
 * state of those entries, so no momentum or Adam moment can move them again while masked.
 */
export function zeroFilters(unit: ConvBnUnit, indices: readonly number[], options: { optimizer: Optimizer; withBn: boolean }): void {
  const keep = filterVector(unit.outChannels, indices, 0);
  const targets: Variable[] = options.withBn ? [unit.kernel, unit.gamma, unit.beta] : [unit.kernel];
  tf.tidy(() => {
    const mask = tf.tensor1d(keep);
    for (const v of targets) v.assign(tf.mul(v, mask));
    for (const v of [unit.kernel, unit.gamma, unit.beta]) options.optimizer.maskState(v, mask);
  });
}

/** Copies of a unit's per-filter values, for an exact restore. */
export interface FilterSnapshot {
  readonly values: readonly [Variable, tf.Tensor][];
  dispose(): void;
}

/** Snapshots conv weights, γ, β and BN running statistics. */
export function snapshotFilters(unit: ConvBnUnit): FilterSnapshot {
  const values = [unit.kernel, unit.gamma, unit.beta, unit.runningMean, unit.runningVar].map((v) => [v, tf.clone(v)] as [Variable, tf.Tensor]);
  return { values, dispose: () => values.forEach(([, t]) => t.dispose()) };
}

/** `a` at the given filters (last axis), `b` elsewhere: an exact select, never arithmetic. */
function selectByFilter(indices: readonly number[], a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const chosen = filterVector(a.shape.at(-1) ?? 0, indices, 1, 0);
  return tf.tidy(() => tf.where(tf.broadcastTo(tf.cast(tf.tensor1d(chosen), 'bool'), a.shape), a, b));
}

/** Writes the snapshot's values back at `indices` only, bit-exactly. */
export function restoreFilters(snapshot: FilterSnapshot, indices: readonly number[]): void {
  for (const [variable, stored] of snapshot.values) {
    const next = selectByFilter(indices, stored, variable);
    variable.assign(next);
    next.dispose();
  }
}

/** A new snapshot holding `top`'s values at `indices` and `base`'s elsewhere (disposes neither). */
export function overlaySnapshot(base: FilterSnapshot, top: FilterSnapshot, indices: readonly number[]): FilterSnapshot {
  const values = base.values.map(([variable, stored], i) => [variable, selectByFilter(indices, top.values[i][1], stored)] as [Variable, tf.Tensor]);
  return { values, dispose: () => values.forEach(([, t]) => t.dispose()) };
}

/** Weight standard deviation of one filter (population sd over its k·k·in weights). */
export async function filterStd(unit: ConvBnUnit, filter: number): Promise<number> {
  const data = await unit.kernel.data();
  const out = unit.outChannels;
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let i = filter; i < data.length; i += out) {
    sum += data[i];
    sq += data[i] * data[i];
    n += 1;
  }
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sq / n - mean * mean));
}

/** Adds N(0, σ) noise in place to the conv weights of `indices` (seeded). */
export function addFilterNoise(unit: ConvBnUnit, indices: readonly number[], sigma: number, seed: number): void {
  const target = filterVector(unit.outChannels, indices, 1, 0);
  tf.tidy(() => {
    const noise = tf.randomNormal(unit.kernel.shape, 0, sigma, 'float32', seed);
    unit.kernel.assign(tf.add(unit.kernel, tf.mul(noise, tf.tensor1d(target))));
  });
}
