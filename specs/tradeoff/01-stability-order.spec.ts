/**
 * Claim 1 (PAPER.md): at equal final size, stability orders no pruning (100) > Prune_S 1% >
 * Prune_S 13% > Prune_L 13%.
 * Test (arms paired by seed, docs/methods/verdicts.md): Page's L on mean stability, plus every
 * adjacent pair by one-sided paired t (Holm within the claim); α = 0.05 Bonferroni-corrected over
 * the claims in this folder; each adjacent Hedges' g (g_av) ≥ 0.5. Replicates: the profile's (mini: 10 per arm).
 */
import { defineClaim, paperArms, verifyClaim } from '../../src/index.js';

verifyClaim(
  defineClaim({
    id: 'stability-order',
    title: 'Stability: none > Prune_S 1% > Prune_S 13% > Prune_L 13%',
    paperClaim: 'Claim 1: Stability order at equal final size: no pruning (100) > Prune_S 1% > Prune_S 13% > Prune_L 13%.',
    arms: { none: paperArms.baseline, s1: paperArms.pruneSSmall, s13: paperArms.pruneSLarge, l13: paperArms.pruneLLarge },
    hypothesis: { kind: 'ordered', metric: 'stability', order: ['none', 's1', 's13', 'l13'] },
    alpha: 0.05,
    minEffect: { measure: 'hedges-g', value: 0.5 },
    expectedToFail: {
      'mini-v1':
        "measured at mini-v1 (sequential: stages of 5 up to 40 seeds, seeds 201-240, engine 4, paired by seed): the trend none > Prune_S 1% > Prune_S 13% is significant (Page's L) but the weakest adjacent step is not (g_av = 0.24 [-0.25, 0.73] after 40 seeds, power 0.25 at g = 0.5): not shown",
      mini: "measured at mini (sequential: stages of 10 up to 90 seeds, seeds 301-390, engine 4, paired by seed): the trend is significant (Page's L p < 1e-9) but Prune_L 13% is not less stable than Prune_S 13%, equivalent within g = 0.5 after 90 seeds (g_av = 0.03 [-0.25, 0.31], power 0.81): absent",
      'mini-fixed':
        "measured at mini (10 seeds, 101-110, engine 4, paired by seed): none > Prune_S 1% > Prune_S 13% holds (Page's L p = 8e-8) but Prune_L 13% is not less stable than Prune_S 13% (g_av = -0.21 [-1.39, 0.98])",
      ci: "measured at ci (4 seeds, 101-104, engine 4, paired by seed): the trend holds (Page's L p = 7e-4) but Prune_L 13% is not less stable than Prune_S 13% (g_av = -0.40 [-2.64, 1.84])",
    },
  }),
);
