/** A confidence interval. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
  /** Coverage, e.g. 0.95. */
  readonly level: number;
}
