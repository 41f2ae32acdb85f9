/**
 * Claim 2: the test-accuracy order is the reverse of the stability order:
 * Prune_L 13% > Prune_S 13% > Prune_S 1% > no pruning.
 * Test: Jonckheere-Terpstra (decreasing) on best test accuracy after the last event (the paper's
 * metric decides; final-epoch and held-out accuracy are reported beside it), adjacent pairs by
 * one-sided Welch (Holm within the claim); α = 0.05 Bonferroni over the folder; adjacent g ≥ 0.5.
 */
import { paperArms } from '../../src/claims/paperArms.js';
import { defineClaim, verifyClaim } from '../../src/claims/verifyClaim.js';

verifyClaim(
  defineClaim({
    id: 'accuracy-order',
    title: 'Accuracy: Prune_L 13% > Prune_S 13% > Prune_S 1% > none',
    paperClaim: 'Claim 2: Test-accuracy order is the reverse: Prune_L 13% > Prune_S 13% > Prune_S 1% > no pruning.',
    arms: { l13: paperArms.pruneLLarge, s13: paperArms.pruneSLarge, s1: paperArms.pruneSSmall, none: paperArms.baseline },
    hypothesis: { kind: 'ordered', metric: 'best', order: ['l13', 's13', 's1', 'none'] },
    alpha: 0.05,
    minEffect: { measure: 'hedges-g', value: 0.5 },
    expectedToFail: {
      mini: 'measured at mini: no pruned arm beats no pruning on best accuracy (trend p = 0.79; Prune_S 1% vs none g = -0.40 [-1.28, 0.49]); final and held-out readings agree',
      ci: 'measured at ci: pruning lowers best accuracy (no pruning is best; trend p = 0.95 for the claimed order); the net does not reach the noisy-label memorisation regime in 20 epochs',
    },
  }),
);
