/**
 * A/A control (outside the paper's family) for pooled correlations over seed-matched runs: claim 3's
 * runs (no pruning, Prune_S 1%, Prune_S 13%, Prune_L 13%; the same seeds in every arm), with best
 * accuracy replaced by `placebo`, a N(0, 1) draw from each run's seed alone. The placebo is
 * independent of training by construction and shared by all runs of a seed, so it is as clustered
 * as data can be, while stability differs strongly between arms: the test must account for the seed
 * clusters (seed-cluster jackknife) to stay at α. Negative Pearson r, α = 0.05 Bonferroni over this
 * folder, |r| ≥ 0.2; it passes on `absent` or `not shown` (a finding in either direction: probability at most 2α / 4).
 */
import { defineClaim, paperArms, verifyClaim } from '../../../src/index.js';

verifyClaim(
  defineClaim({
    id: 'aa-correlation',
    title: "A/A: stability vs a seed-level placebo over claim 3's runs",
    paperClaim: 'Control: a covariate independent of training must not correlate beyond α.',
    arms: { none: paperArms.baseline, s1: paperArms.pruneSSmall, s13: paperArms.pruneSLarge, l13: paperArms.pruneLLarge },
    hypothesis: { kind: 'correlation', x: 'stability', y: 'placebo', arms: ['none', 's1', 's13', 'l13'], sign: 'negative' },
    minEffect: { measure: 'correlation', value: 0.2 },
    control: true,
  }),
);
