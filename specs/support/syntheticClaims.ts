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

/** "none > Prune_S 1% > Prune_L 13%" in stability, adjacent g_av ≥ 0.5: the ordered claim of the report tests. */
export const noneS1L13Order: ClaimDefinition = {
  id: 'stability-order',
  title: 'stability order',
  paperClaim: 'Claim 1',
  arms: { none: paperArms.baseline, s1: paperArms.pruneSSmall, l13: paperArms.pruneLLarge },
  hypothesis: { kind: 'ordered', metric: 'stability', order: ['none', 's1', 'l13'] },
  minEffect: { measure: 'hedges-g', value: 0.5 },
};

/** Stability against best accuracy over the same three arms, negative, |r| ≥ 0.2: the correlation claim of the report tests. */
export const noneS1L13Tradeoff: ClaimDefinition = {
  ...noneS1L13Order,
  id: 'tradeoff',
  title: 'tradeoff',
  paperClaim: 'Claim 3',
  hypothesis: { kind: 'correlation', x: 'stability', y: 'best', arms: ['none', 's1', 'l13'], sign: 'negative' },
  minEffect: { measure: 'correlation', value: 0.2 },
};
