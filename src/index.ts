/**
 * The public entry for claim authors: what a spec file under `specs/tradeoff/` needs to state a claim
 * (arms, hypothesis, α, minimum effect) and register it as a vitest test. Everything else in `src/` is
 * internal and may change without notice.
 *
 * @example
 * ```ts
 * import { defineClaim, paperArms, verifyClaim } from '../../src/index.js';
 * verifyClaim(defineClaim({ id: 'random-less-stable-than-smallest', title: '…', paperClaim: 'Claim 5: …',
 *   arms: { s13: paperArms.pruneSLarge, r13: paperArms.pruneRLarge },
 *   hypothesis: { kind: 'greater', metric: 'stability', arm: 's13', than: 'r13' }, minEffect: { measure: 'hedges-g', value: 0.5 } }));
 * ```
 */
export { defineClaim } from './claims/dsl/defineClaim.js';
export { paperArms, pruneSAtSweep, withFlatness } from './claims/dsl/paperArms.js';
export { verifyClaim } from './claims/runner/verifyClaim.js';
export { verifyPropertyClaim } from './claims/runner/verifyPropertyClaim.js';
export type { ArmSpec } from './claims/dsl/armSpec.js';
export type { ClaimDefinition } from './claims/dsl/claimDefinition.js';
export type { Hypothesis, MinimumEffect, PairBy, TwoArmTest } from './claims/dsl/hypothesis.js';
export type { Verdict } from './claims/dsl/verdict.js';
export type { PropertyClaimDefinition } from './claims/runner/propertyClaimDefinition.js';
