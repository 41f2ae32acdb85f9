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
      mini: 'measured at mini (seeds 101-110, engine 4): pruning lowers best accuracy (Prune_S 1% below no pruning, g = -1.42 [-2.40, -0.44], contradicted; trend p = 0.996); not shown under the final and held-out readings',
      ci: 'measured at ci (seeds 101-104, engine 4): pruning lowers best accuracy (Prune_S 1% vs none g = -1.67 [-3.27, -0.06]; trend p = 0.98)',
    },
  }),
);
