/**
 * A/A control (outside the paper's family): two identically configured arms, no pruning, on disjoint
 * seed blocks (0 and 1), compared as claim 7 compares arms: "a beats b" on best test accuracy
 * (common window; unpaired Welch, since the seeds differ), α = 0.05 Bonferroni over this folder,
 * g ≥ 0.5. Nothing separates the arms, so the claim comes out `supported`, `contradicted` or `below
 * minimum` with probability at most 2α / 4; it passes when it is `absent` or `not shown`.
 */
import { defineClaim, paperArms, verifyClaim } from '../../../src/index.js';

verifyClaim(
  defineClaim({
    id: 'aa-greater',
    title: 'A/A: no pruning (seed block 0) vs no pruning (seed block 1) on best accuracy',
    paperClaim: 'Control: identical arms on disjoint seeds must not differ beyond α.',
    arms: { a: paperArms.baseline, b: { ...paperArms.baseline, label: 'no pruning (seed block 1)', seedBlock: 1 } },
    hypothesis: { kind: 'greater', metric: 'best', arm: 'a', than: 'b' },
    minEffect: { measure: 'hedges-g', value: 0.5 },
    control: true,
  }),
);
