/** One pruning event of a run (all layers pruned at the end of one epoch). */
export interface PruningEventLog {
  /** 0-based epoch at whose end the event happened. */
  readonly epoch: number;
  readonly layers: readonly { readonly layer: string; readonly filters: readonly number[]; readonly keptAfter: number }[];
  /** Test accuracy right before and right after the event, in [0, 1]. */
  readonly tPre: number;
  readonly tPost: number;
  readonly instability: number;
  /** `100 · (1 − instability)`. */
  readonly stability: number;
}
