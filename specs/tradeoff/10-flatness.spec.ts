/**
 * Claim 10: less stability gives flatter minima: across runs, stability correlates positively with
 * curvature (sum of the top Hessian eigenvalues) and with the gradient second moment.
 * Runs: no pruning, Prune_S 1%, Prune_L 13%, with flatness measured at the end of training.
 * One-sided Pearson (positive) with the seed-cluster jackknife, α = 0.05 Bonferroni over the
 * folder, r ≥ 0.2.
 */
import { defineClaim, paperArms, verifyClaim, withFlatness } from '../../src/index.js';

const arms = { none: withFlatness(paperArms.baseline), s1: withFlatness(paperArms.pruneSSmall), l13: withFlatness(paperArms.pruneLLarge) };
const paperClaim = 'Claim 10: Less stability gives flatter minima: stability correlates positively with curvature and with the gradient second moment.';

verifyClaim(
  defineClaim({
    id: 'flatness-curvature',
    title: 'Stability correlates positively with curvature',
    paperClaim,
    arms,
    hypothesis: { kind: 'correlation', x: 'stability', y: 'curvature', arms: ['none', 's1', 'l13'], sign: 'positive' },
    minEffect: { measure: 'correlation', value: 0.2 },
  }),
);

verifyClaim(
  defineClaim({
    id: 'flatness-gradient-moment',
    title: 'Stability correlates positively with the gradient second moment',
    paperClaim,
    arms,
    hypothesis: { kind: 'correlation', x: 'stability', y: 'gradient-second-moment', arms: ['none', 's1', 'l13'], sign: 'positive' },
    minEffect: { measure: 'correlation', value: 0.2 },
  }),
);
