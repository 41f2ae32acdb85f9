/**
 * Instability of one pruning event, as in the authors' code: `(t_pre − t_post) / t_pre`, with
 * `t_pre`, `t_post` the test accuracy right before and right after the event (no training between).
 * A model at 0% accuracy cannot lose accuracy: its instability is defined as 0.
 *
 * @example
 * ```ts
 * instability(0.80, 0.60); // 0.25
 * stabilityPercent(0.80, 0.60); // 75
 * ```
 */
export function instability(tPre: number, tPost: number): number {
  return tPre > 0 ? (tPre - tPost) / tPre : 0;
}

/** Stability of one event in percent: `100 · (1 − instability)`. */
export function stabilityPercent(tPre: number, tPost: number): number {
  return 100 * (1 - instability(tPre, tPost));
}

/** Mean stability of a run: the unweighted mean over its events; 100 for a run without events. */
export function meanStability(eventStabilities: readonly number[]): number {
  if (eventStabilities.length === 0) return 100;
  return eventStabilities.reduce((a, b) => a + b, 0) / eventStabilities.length;
}
