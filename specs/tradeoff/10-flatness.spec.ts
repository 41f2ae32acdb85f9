/**
 * Claim 10: less stability gives flatter minima: across runs, stability correlates positively with
 * curvature (sum of the top Hessian eigenvalues) and with the gradient second moment.
 * Runs: no pruning, Prune_S 1%, Prune_L 13%, with flatness measured at the end of training.
 * One-sided Pearson (positive), α = 0.05 Bonferroni over the folder, r ≥ 0.2.
 */
import { paperArms, withFlatness } from '../../src/claims/paperArms.js';
import { defineClaim, verifyClaim } from '../../src/claims/verifyClaim.js';

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
    expectedToFail: {
      mini: 'measured at mini (30 runs, seeds 101-110, engine 3): positive as claimed but not significant after the ×11 family correction (r = +0.42 [0.07, 0.68], one-sided p = 0.011; power at the observed r 0.39); engine 2, which differs only by float rounding, measured r = +0.61 on the same seeds',
    },
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
