import type { ClaimDefinition } from '../../src/claims/dsl/claimDefinition.js';
import { paperArms } from '../../src/claims/dsl/paperArms.js';

/** The context a report of synthetic runs is built in (profile, seeds, backend), for buildClaimReport. */
export const syntheticContext = {
  profile: { name: 'synthetic', description: 'synthetic runs' },
  seedPhase: 'confirmation',
  backend: 'cpu',
  tfjsVersion: '4.22.0',
  durationSeconds: 0,
};

/** "Prune_L 13% beats no pruning" on best accuracy, g ≥ 0.5: the two-arm claim the harness tests use. */
export const lBeatsNone: ClaimDefinition = {
  id: 'l-beats-none',
  title: 'Prune_L beats none',
  paperClaim: 'Claim 2',
  arms: { l13: paperArms.pruneLLarge, none: paperArms.baseline },
  hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'none' },
  minEffect: { measure: 'hedges-g', value: 0.5 },
};
