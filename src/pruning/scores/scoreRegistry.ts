import { activationsScore } from './activationsScore.js';
import { expectedBnScore } from './expectedBnScore.js';
import type { FilterScore } from './filterScore.js';
import { l1Score } from './l1Score.js';
import { l2BnScore } from './l2BnScore.js';
import { l2Score } from './l2Score.js';

/** Filter scores by config name; adding one is one file and one line here. */
export const scoreRegistry = {
  l2: l2Score,
  l1: l1Score,
  activations: activationsScore,
  ebn: expectedBnScore,
  'l2-bn': l2BnScore,
} as const satisfies Record<string, FilterScore>;

/** A score's config name. */
export type ScoreName = keyof typeof scoreRegistry;
