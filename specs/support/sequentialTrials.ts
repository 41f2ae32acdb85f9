import { miniV1Profile } from '../../src/claims/profiles/miniV1Profile.js';
import type { SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { simulateDesign, twoArmHypothesis, twoArmTrial } from '../../src/claims/simulateDesign.js';

/**
 * The `mini-v1` design (docs/methods/verdicts.md §7.1; another design where given) checked through the claims' own decision path:
 * `runDesign` stage by stage, each stage judged by `evaluateHypothesis` ("a > b", paired t, Hedges'
 * g_av ≥ 0.5, TOST at ±0.5 SD) on the first 5k seeds of seed-correlated paired data (`simulateDesign`).
 */
export const design = miniV1Profile.design as SequentialDesign;
export const trials = 2000;

/** Shares of verdicts (and of significance) over the trials, and the mean seeds per arm at the stop. */
export function simulate(seed: number, correlation: number, shift: number, familySize: number, d: SequentialDesign = design) {
  return simulateDesign({
    design: d,
    alpha: 0.05,
    familySize,
    minEffect: { measure: 'hedges-g', value: 0.5 },
    hypothesis: twoArmHypothesis,
    data: twoArmTrial({ pairing: 'paired', correlation, shift }),
    trials,
    seed,
  });
}

/** α + 3 Monte Carlo SE. */
export const bound = (level: number) => level + 3 * Math.sqrt((level * (1 - level)) / trials);
