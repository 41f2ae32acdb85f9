import { paperArms } from '../dsl/paperArms.js';
import type { ClaimDefinition } from '../dsl/claimDefinition.js';

/**
 * The core of the tradeoff, "Prune_L 13% beats no pruning" on best test accuracy (common window,
 * paired by seed), g ≥ 0.5: the claim the claim maps explore and the calibration of `mini` is read
 * on. It is not one of the suite's claim files (it is part of claim 2's order), so alone it is
 * corrected over a family of 1.
 */
export const coreClaim = {
  id: 'prune-l-beats-baseline',
  title: 'Prune_L 13% beats no pruning',
  paperClaim: 'Claim 2 (core of the tradeoff): Prune_L 13% generalizes better than no pruning.',
  arms: { l13: paperArms.pruneLLarge, none: paperArms.baseline },
  hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'none' },
  minEffect: { measure: 'hedges-g', value: 0.5 },
} as const satisfies ClaimDefinition;
