/**
 * Claim 5: at the same rate, Prune_L is less stable and generalizes better than Prune_S, and
 * Prune_R lies between. Two ordered hypotheses (paired by seed: Page's L + adjacent one-sided
 * paired t, Holm within; accuracy in the claim's common window): stability Prune_S > Prune_R > Prune_L, best accuracy Prune_L > Prune_R > Prune_S;
 * α = 0.05 Bonferroni over the folder; adjacent g (g_av) ≥ 0.5.
 */
import { defineClaim, paperArms, verifyClaim } from '../../src/index.js';

const arms = { s13: paperArms.pruneSLarge, r13: paperArms.pruneRLarge, l13: paperArms.pruneLLarge };
const expectedToFail = {
  'mini-v1':
    'measured at mini-v1 (sequential: stages of 5 up to 40 seeds, seeds 201-240, engine 4, paired): after 40 seeds neither step of the order is shown (weakest adjacent g_av = -0.42 [-0.88, 0.04] for stability, -0.44 [-0.69, -0.20] for best accuracy): not shown',
  mini: 'measured at mini (sequential: stages of 10 up to 90 seeds, seeds 301-390, engine 4, paired): the three selections are equivalent within g = 0.5 in best accuracy after 70 seeds (-0.10 [-0.29, 0.10]): absent; in stability (weakest adjacent g_av = -0.08 [-0.34, 0.18]) equivalence was shown at α/11 but not at α/15 after 90 seeds: not shown (re-judged 2026-12-04, docs/methods/verdicts.md §8)',
  'mini-fixed':
    'measured at mini (seeds 101-110, engine 4, paired): at r = 3 Prune_L is not less stable than Prune_R (g_av = -0.43 [-1.24, 0.38]) nor more accurate (g_av = -0.29 [-0.93, 0.36])',
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
