import { SeededRandom } from '../primitives/seededRandom.js';

/**
 * Picks `count` of the candidate filters from their scores. Ties are broken by filter index, so a
 * selection is deterministic.
 */
export type Selection = (options: { scores: ArrayLike<number>; candidates: readonly number[]; count: number; rng: SeededRandom }) => number[];

function byScore(direction: 1 | -1): Selection {
  return ({ scores, candidates, count }) => [...candidates].sort((a, b) => direction * (scores[a] - scores[b]) || a - b).slice(0, count);
}

/** Selections by config name: Prune_S, Prune_L, Prune_R. Adding one is one line here. */
export const selectionRegistry = {
  /** Prune_S: the smallest scores. */
  smallest: byScore(1),
  /** Prune_L: the largest scores. */
  largest: byScore(-1),
  /** Prune_R: a seeded uniform random choice. */
  random: ({ candidates, count, rng }) => (rng.shuffle([...candidates]) as number[]).slice(0, count),
} as const satisfies Record<string, Selection>;

/** A selection's config name. */
export type SelectionName = keyof typeof selectionRegistry;
