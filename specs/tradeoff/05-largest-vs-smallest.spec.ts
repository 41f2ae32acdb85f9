/**
 * Claim 5: at the same rate, Prune_L is less stable and generalizes better than Prune_S, and
 * Prune_R lies between. Two ordered hypotheses (Jonckheere-Terpstra + adjacent one-sided Welch,
 * Holm within): stability Prune_S > Prune_R > Prune_L, best accuracy Prune_L > Prune_R > Prune_S;
 * α = 0.05 Bonferroni over the folder; adjacent g ≥ 0.5.
 */
import { paperArms } from '../../src/claims/paperArms.js';
import { defineClaim, verifyClaim } from '../../src/claims/verifyClaim.js';

const arms = { s13: paperArms.pruneSLarge, r13: paperArms.pruneRLarge, l13: paperArms.pruneLLarge };
const expectedToFail = {
  mini: 'measured at mini (seeds 101-110, engine 4): at r = 3 Prune_L is not less stable than Prune_R (g = -0.44 [-1.33, 0.45]) nor more accurate (g = -0.30 [-1.18, 0.58])',
};
const paperClaim = 'Claim 5: Prune_L is less stable and generalizes better than Prune_S at the same rate; Prune_R lies between.';

verifyClaim(
  defineClaim({
    id: 'selection-stability',
    title: 'Stability: Prune_S > Prune_R > Prune_L (13%)',
    paperClaim,
    arms,
    hypothesis: { kind: 'ordered', metric: 'stability', order: ['s13', 'r13', 'l13'] },
    minEffect: { measure: 'hedges-g', value: 0.5 },
    expectedToFail,
  }),
);

verifyClaim(
  defineClaim({
    id: 'selection-accuracy',
    title: 'Accuracy: Prune_L > Prune_R > Prune_S (13%)',
    paperClaim,
    arms,
    hypothesis: { kind: 'ordered', metric: 'best', order: ['l13', 'r13', 's13'] },
    minEffect: { measure: 'hedges-g', value: 0.5 },
    expectedToFail,
  }),
);
