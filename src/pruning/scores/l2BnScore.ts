import type { FilterScore } from './filterScore.js';
import { l2Score } from './l2Score.js';
import { batchNormEpsilon } from '../../engine/models/convBnUnit.js';

/**
 * `l2-bn`: the filter norm scaled by its BN factor, `‖W‖·|γ|/√(running var + ε)` — the effective
 * scale of the channel after normalisation. Not a score of the paper: an earlier PyTorch study of small protocols
 * found plain `l2` very unstable for Prune_S at small scale; reports name this score when it is used.
 */
export const l2BnScore: FilterScore = async (input) => {
  const norms = await l2Score(input);
  const [gamma, variance] = await Promise.all([input.unit.gamma.data(), input.unit.runningVar.data()]);
  return norms.map((n, i) => (n * Math.abs(gamma[i])) / Math.sqrt(variance[i] + batchNormEpsilon));
};
