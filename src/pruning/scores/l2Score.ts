import { reduceFilters, type FilterScore } from './filterScore.js';

/** `l2`: Euclidean norm of each filter's weights (the paper's VGG score). */
export const l2Score: FilterScore = async ({ unit }) => (await reduceFilters(unit, (acc, v) => acc + v * v)).map(Math.sqrt);
