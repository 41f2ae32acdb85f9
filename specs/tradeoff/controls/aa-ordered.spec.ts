/**
 * A/A control (outside the paper's family): three identically configured arms, Prune_L 13%, on
 * disjoint seed blocks 0, 1, 2, tested for the order "block 0 > block 1 > block 2" on mean stability
 * as claim 1 tests its order (Jonckheere-Terpstra plus adjacent pairs, unpaired since the seeds
 * differ), α = 0.05 Bonferroni over this folder, adjacent g ≥ 0.5. It passes on `absent` or
 * `not shown` (a finding in either direction: probability at most 2α / 4).
 */
import { defineClaim, paperArms, verifyClaim } from '../../../src/index.js';

const block = (seedBlock: number) => ({ ...paperArms.pruneLLarge, label: `Prune_L 13% (seed block ${seedBlock})`, seedBlock });

verifyClaim(
  defineClaim({
    id: 'aa-ordered',
    title: 'A/A: Prune_L 13% on seed blocks 0 > 1 > 2 in stability',
    paperClaim: 'Control: identical arms on disjoint seeds must not be ordered beyond α.',
    arms: { b0: paperArms.pruneLLarge, b1: block(1), b2: block(2) },
    hypothesis: { kind: 'ordered', metric: 'stability', order: ['b0', 'b1', 'b2'] },
    minEffect: { measure: 'hedges-g', value: 0.5 },
    control: true,
  }),
);
