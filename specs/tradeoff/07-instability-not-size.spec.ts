/**
 * Claim 7: the benefit comes from instability, not the final size: Prune_L 13% beats the same
 * final architecture trained from scratch. Test: one-sided paired t (the arms share seeds) on best
 * test accuracy in the common window (final, held-out and the authors' window reported); α = 0.05
 * Bonferroni over the folder; Hedges' g (g_av) ≥ 0.5.
 */
import { defineClaim, paperArms, verifyClaim } from '../../src/index.js';

verifyClaim(
  defineClaim({
    id: 'instability-not-size',
    title: 'Prune_L 13% beats its final architecture trained from scratch',
    paperClaim: 'Claim 7: The benefit depends on instability, not on the final size: Prune_L beats the scratch-pruned model of the same final architecture.',
    arms: { l13: paperArms.pruneLLarge, scratch: paperArms.scratch },
    hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'scratch' },
    minEffect: { measure: 'hedges-g', value: 0.5 },
    expectedToFail: {
      'mini-v1':
        'measured at mini-v1 (sequential: stages of 5 up to 40 seeds, seeds 201-240, engine 4, paired, common window from epoch 10): Prune_L 13% is not above its final architecture trained from scratch after 40 seeds (g_av = -0.27 [-0.60, 0.05], power 0.61 at g = 0.5): not shown',
      mini: 'measured at mini (sequential: stages of 10 up to 90 seeds, seeds 301-390, engine 4, paired, common window from epoch 10): Prune_L 13% equals its final architecture trained from scratch within g = 0.5 after 70 seeds (g_av = -0.01 [-0.28, 0.25], power 0.85): absent',
      'mini-fixed':
        'measured at mini (seeds 101-110, engine 4, paired, common window from epoch 10): Prune_L 13% is above its final architecture from scratch, not significantly after the ×11 correction (g_av = 0.57 [-0.08, 1.22], one-sided p = 0.04; power 0.10 at g = 0.5)',
    },
  }),
);
