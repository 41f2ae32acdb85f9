/**
 * A/A control (outside the paper's family) of the paired path that decides most claims: three
 * identically configured arms, Prune_L 13%, on disjoint seed blocks 0, 1, 2, paired by position
 * (replicate i of each block forms block i), tested for the order "block 0 > block 1 > block 2" on mean
 * stability as claim 1 tests its order (Page's L plus paired t on the adjacent steps, Holm within),
 * α = 0.05 Bonferroni over this folder, adjacent g_av ≥ 0.5. It passes on `absent` or `not shown` (a
 * finding in either direction, `below minimum` included, has probability at most 2α / 4).
 * It reads the runs of `aa-ordered`, so it trains nothing of its own.
 */
import { defineClaim, paperArms, verifyClaim } from '../../../src/index.js';

const block = (seedBlock: number) => ({ ...paperArms.pruneLLarge, label: `Prune_L 13% (seed block ${seedBlock})`, seedBlock });

verifyClaim(
  defineClaim({
    id: 'aa-paired',
    title: 'A/A: Prune_L 13% on seed blocks 0 > 1 > 2 in stability, paired by position',
    paperClaim: 'Control: identical arms paired by position must not be ordered beyond α (the paired path: Page’s L, paired t).',
    arms: { b0: paperArms.pruneLLarge, b1: block(1), b2: block(2) },
    hypothesis: { kind: 'ordered', metric: 'stability', order: ['b0', 'b1', 'b2'], pairBy: 'position' },
    minEffect: { measure: 'hedges-g', value: 0.5 },
    control: true,
  }),
);
