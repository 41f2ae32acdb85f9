import type { PairBy } from '../dsl/hypothesis.js';

/** How the runs of a comparison relate: arms ran the same seeds (blocks), or disjoint ones. */
export type Pairing = 'paired' | 'unpaired';

/** One arm's observations: the value(s) read from each of its runs, by seed (undefined: unusable). */
export interface ArmObservations {
  readonly seeds: readonly number[];
  readonly values: readonly (number | undefined)[];
  /** A second reading of the same runs (correlations: y). */
  readonly second?: readonly (number | undefined)[];
}

/** Observations aligned to the design. */
export interface AlignedObservations {
  readonly design: Pairing;
  /** arm → values; paired: in the order of `seeds`. */
  readonly values: Readonly<Record<string, number[]>>;
  readonly second: Readonly<Record<string, number[]>>;
  /** arm → the seeds kept, in the order of `values`. */
  readonly seeds: Readonly<Record<string, number[]>>;
  /** Seeds left out: paired, from every arm, because some arm had no usable value there; unpaired, per arm. */
  readonly droppedSeeds: readonly number[];
}

const usable = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/**
 * Aligns arms by position: replicate i of every arm (its seeds in ascending order) forms block i; a
 * position is kept only where every arm has a usable value (its seeds are dropped from every arm otherwise).
 */
function alignByPosition(arms: Readonly<Record<string, ArmObservations>>): AlignedObservations {
  const ids = Object.keys(arms);
  const order = ids.map((id) => arms[id].seeds.map((seed, i) => ({ seed, i })).sort((a, b) => a.seed - b.seed));
  const length = Math.min(...order.map((o) => o.length));
  const positions = Array.from({ length }, (_, p) => p);
  const usableAt = (a: number, p: number) => {
    const arm = arms[ids[a]];
    const i = order[a][p].i;
    return usable(arm.values[i]) && (arm.second === undefined || usable(arm.second[i]));
  };
  const kept = positions.filter((p) => ids.every((_, a) => usableAt(a, p)));
  const column = (a: number, of: (arm: ArmObservations) => readonly (number | undefined)[] | undefined) =>
    kept.map((p) => (of(arms[ids[a]]) ?? [])[order[a][p].i] as number);
  return {
    design: 'paired',
    values: Object.fromEntries(ids.map((id, a) => [id, column(a, (arm) => arm.values)])),
    second: Object.fromEntries(ids.map((id, a) => [id, arms[id].second ? column(a, (arm) => arm.second) : []])),
    seeds: Object.fromEntries(ids.map((id, a) => [id, kept.map((p) => order[a][p].seed)])),
    droppedSeeds: positions.filter((p) => !kept.includes(p)).flatMap((p) => order.map((o) => o[p].seed)),
  };
}

/**
 * Aligns the observations of a comparison's arms by seed (docs/methods/verdicts.md, section 2):
 * `paired` when every arm ran the same set of seeds (a seed is then kept only where every arm has a
 * usable value, and dropped from all arms otherwise), `unpaired` when the arms' seed sets are
 * disjoint; anything in between is an error naming the arms. With `pairBy: 'position'`, replicate i of
 * every arm forms block i instead (paired whatever the seeds).
 *
 * @example
 * ```ts
 * alignBySeed({ a: { seeds: [1, 2], values: [0.7, 0.8] }, b: { seeds: [1, 2], values: [0.6, undefined] } }).values; // { a: [0.7], b: [0.6] }
 * ```
 */
export function alignBySeed(arms: Readonly<Record<string, ArmObservations>>, options: { pairBy?: PairBy } = {}): AlignedObservations {
  const ids = Object.keys(arms);
  if (options.pairBy === 'position' && ids.length > 1) return alignByPosition(arms);
  const sets = ids.map((id) => new Set(arms[id].seeds));
  const sameSeeds = sets.every((s) => s.size === sets[0].size && [...s].every((seed) => sets[0].has(seed)));
  const keep = (arm: ArmObservations, i: number) => usable(arm.values[i]) && (arm.second === undefined || usable(arm.second[i]));
  if (ids.length === 1 || !sameSeeds) {
    const disjoint = sets.every((s, i) => sets.slice(i + 1).every((t) => [...s].every((seed) => !t.has(seed))));
    if (ids.length > 1 && !disjoint) {
      throw new Error(
        `arms ${ids.join(', ')} share some seeds but not all (${ids.map((id) => `${id}: ${arms[id].seeds.join(' ')}`).join('; ')}); give seed-matched arms the same seeds, or identical arms different seedBlocks`,
      );
    }
    const pick = (id: string, of: (a: ArmObservations) => readonly (number | undefined)[] | undefined) =>
      (of(arms[id]) ?? []).filter((_, i) => keep(arms[id], i)) as number[];
    return {
      design: 'unpaired',
      values: Object.fromEntries(ids.map((id) => [id, pick(id, (a) => a.values)])),
      second: Object.fromEntries(ids.map((id) => [id, pick(id, (a) => a.second)])),
      seeds: Object.fromEntries(ids.map((id) => [id, arms[id].seeds.filter((_, i) => keep(arms[id], i))])),
      droppedSeeds: ids.flatMap((id) => arms[id].seeds.filter((_, i) => !keep(arms[id], i))),
    };
  }
  const seeds = [...sets[0]].sort((x, y) => x - y);
  const index = ids.map((id) => new Map(arms[id].seeds.map((s, i) => [s, i])));
  const kept = seeds.filter((s) => ids.every((id, a) => keep(arms[id], index[a].get(s) ?? -1)));
  const column = (id: string, a: number, of: (arm: ArmObservations) => readonly (number | undefined)[] | undefined) =>
    kept.map((s) => (of(arms[id]) ?? [])[index[a].get(s) ?? -1] as number);
  return {
    design: 'paired',
    values: Object.fromEntries(ids.map((id, a) => [id, column(id, a, (arm) => arm.values)])),
    second: Object.fromEntries(ids.map((id, a) => [id, arms[id].second ? column(id, a, (arm) => arm.second) : []])),
    seeds: Object.fromEntries(ids.map((id) => [id, kept])),
    droppedSeeds: seeds.filter((s) => !kept.includes(s)),
  };
}
