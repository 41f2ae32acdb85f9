import type { ClaimDefinition } from './claimDefinition.js';
import { validateClaim } from './validateClaim.js';

/**
 * Types and checks a claim definition when the spec file loads, before any run is planned: the
 * hypothesis may only name the claim's arm ids (a misspelt arm is a compile error), and every field
 * is validated (`validateClaim`), so a wrong metric, α or minimum effect fails in milliseconds with a
 * message that names the claim, the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * verifyClaim(defineClaim({ id: 'prune-l-beats-baseline', ... }));
 * ```
 */
export function defineClaim<const Arm extends string>(definition: ClaimDefinition<Arm>): ClaimDefinition {
  validateClaim(definition);
  return definition;
}
