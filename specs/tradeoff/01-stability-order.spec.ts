/**
 * Claim 1 (PAPER.md): at equal final size, stability orders no pruning (100) > Prune_S 1% >
 * Prune_S 13% > Prune_L 13%.
 * Test: Jonckheere-Terpstra (decreasing) on mean stability, plus every adjacent pair by one-sided
 * Welch (Holm within the claim); α = 0.05 Bonferroni-corrected over the claims in this folder;
 * each adjacent Hedges' g ≥ 0.5. Replicates: the profile's (mini: 10 per arm).
 */
import { paperArms } from '../../src/claims/paperArms.js';
import { defineClaim, verifyClaim } from '../../src/claims/verifyClaim.js';

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
      mini: 'measured at mini (10 replicates, seeds 101-110, engine 4): none > Prune_S 1% > Prune_S 13% holds (trend p = 4e-9) but Prune_L 13% is not less stable than Prune_S 13% (g = -0.22 [-1.09, 0.66])',
      ci: 'measured at ci (4 replicates, seeds 101-104, engine 4): the trend holds (p = 2e-4) but Prune_L 13% is not less stable than Prune_S 13% (g = -0.41 [-1.81, 0.99])',
    },
  }),
);
