import type { Interval } from './interval.js';

/** Result of a correlation test. */
export interface CorrelationResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly n: number;
  readonly ci: Interval;
}
