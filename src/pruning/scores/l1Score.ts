import { reduceFilters, type FilterScore } from './filterScore.js';

/** `l1`: sum of |w| over each filter (the paper's SGD/ResNet56 setting). */
export const l1Score: FilterScore = async ({ unit }) => reduceFilters(unit, (acc, v) => acc + Math.abs(v));
