/**
 * Claim 4: a larger per-event pruning fraction (larger r) gives lower stability.
 * As a property over the profile's rate sweep: for any two rates r_i < r_j, mean stability of
 * Prune_S at r_i exceeds that at r_j (one-sided paired t, the arms sharing seeds; α = 0.05
 * Bonferroni over the folder, Hedges' g (g_av) ≥ 0.5). fast-check draws pairs (seed GST_FC_SEED) and shrinks a failure to the
 * simplest pair; each drawn rate is one arm of the profile's replicates.
 */
import fc from 'fast-check';
import { pruneSAtSweep, verifyPropertyClaim } from '../../src/index.js';

verifyPropertyClaim({
  id: 'rate-stability',
  title: 'Larger per-event rate, lower stability (any two rates of the sweep)',
  paperClaim: 'Claim 4: Larger per-event pruning fraction (larger r) gives lower stability.',
  space: (profile) =>
    fc.tuple(fc.integer({ min: 0, max: profile.sweepSize - 1 }), fc.integer({ min: 0, max: profile.sweepSize - 1 })).filter(([i, j]) => i < j),
  claimAt: ([i, j]) => ({
    id: `rate-stability-${i}-${j}`,
    title: `stability at sweep rate ${i} > at ${j}`,
    paperClaim: 'Claim 4',
    arms: { lower: pruneSAtSweep(i), higher: pruneSAtSweep(j) },
    hypothesis: { kind: 'greater', metric: 'stability', arm: 'lower', than: 'higher' },
    alpha: 0.05,
    minEffect: { measure: 'hedges-g', value: 0.5 },
  }),
  numRuns: 4,
});
