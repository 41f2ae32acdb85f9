import type { ConvBnUnit } from '../../engine/models/convBnUnit.js';

/** What a score may look at: the unit, and the running activation statistics when tracked. */
export interface ScoreInput {
  readonly unit: ConvBnUnit;
  /** Running average of each channel's summed |activation| (the `activations` score). */
  readonly activations?: Float64Array;
}

/** Scores every output filter of a unit (higher = more important); selections act on these. */
export type FilterScore = (input: ScoreInput) => Promise<Float64Array>;

/** Reads a `[k, k, in, out]` kernel and reduces each output filter with `reduce(sum, value)`. */
export async function reduceFilters(unit: ConvBnUnit, reduce: (acc: number, value: number) => number): Promise<Float64Array> {
  const data = await unit.kernel.data();
  const out = unit.outChannels;
  const acc = new Float64Array(out);
  for (let i = 0; i < data.length; i++) acc[i % out] = reduce(acc[i % out], data[i]);
  return acc;
}
