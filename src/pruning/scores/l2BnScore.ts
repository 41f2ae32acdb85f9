import type { FilterScore } from './filterScore.js';
import { l2Score } from './l2Score.js';
import { batchNormEpsilon } from '../../engine/models/convBnUnit.js';

/**
 * `l2-bn`: the filter norm scaled by its BN factor, `‖W‖·|γ|/√(running var + ε)` — the effective
 * scale of the channel after normalisation. Not a score of the paper: an earlier PyTorch study of small protocols
 * found plain `l2` very unstable for Prune_S at small scale; reports name this score when it is used.
 */
export const l2BnScore: FilterScore = (input) => {
  const norms = l2Score(input);
  const gamma = input.unit.gamma.dataSync();
  const variance = input.unit.runningVar.dataSync();
  return norms.map((n, i) => (n * Math.abs(gamma[i])) / Math.sqrt(variance[i] + batchNormEpsilon));
};
