import type { ClaimDefinition } from './claimDefinition.js';

/**
 * Identity helper that types a claim definition: the hypothesis may only name the claim's arm ids
 * (a misspelt arm is a compile error there, not a run-time one).
 */
export function defineClaim<const Arm extends string>(definition: ClaimDefinition<Arm>): ClaimDefinition {
  return definition;
}
