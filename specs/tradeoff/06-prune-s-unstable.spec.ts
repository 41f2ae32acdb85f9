/**
 * Claim 6: even pruning the smallest filters is unstable: Prune_S mean stability < 100.
 * Test: one-sample t-test (one-sided, below 100) on Prune_S 1%, the gentlest pruning arm;
 * α = 0.05 Bonferroni over the folder; 100 − mean ≥ 1 point.
 */
import { defineClaim, paperArms, verifyClaim } from '../../src/index.js';

verifyClaim(
  defineClaim({
    id: 'prune-s-unstable',
    title: 'Prune_S 1% is unstable (mean stability < 100)',
    paperClaim: 'Claim 6: Even pruning the smallest filters is unstable: Prune_S mean stability < 100.',
    arms: { s1: paperArms.pruneSSmall },
    hypothesis: { kind: 'below', metric: 'stability', arm: 's1', value: 100 },
    minEffect: { measure: 'mean-difference', value: 1 },
  }),
);
