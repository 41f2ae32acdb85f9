import { pathToFileURL } from 'node:url';
import type { ClaimDefinition } from '../dsl/claimDefinition.js';
import type { PropertyClaimDefinition } from './propertyClaimDefinition.js';

/** A claim as a spec file declares it: a plain claim, or a property claim over configurations. */
export type DeclaredClaim =
  { readonly kind: 'claim'; readonly definition: ClaimDefinition } | { readonly kind: 'property'; readonly definition: PropertyClaimDefinition<unknown> };

/** The claims of the spec files read so far, by file; undefined while no collection is under way. */
interface Collection {
  file: string;
  readonly claims: { readonly file: string; readonly claim: DeclaredClaim }[];
}

const active = Symbol.for('gst-harness.claimCollection');
const state = globalThis as { [active]?: Collection };

/**
 * Hands a claim to the collection under way instead of registering a test; false when no
 * collection is under way (the spec file runs as a test file). Called first by `verifyClaim` and
 * `verifyPropertyClaim`.
 */
export function collectClaim(claim: DeclaredClaim): boolean {
  const collection = state[active];
  if (collection === undefined) return false;
  collection.claims.push({ file: collection.file, claim });
  return true;
}

/** What {@link collectClaims} found: the claims of each file, and the files it could not read, with why (`failed`: importing it threw). */
export interface CollectedClaims {
  readonly claims: readonly { readonly file: string; readonly claim: DeclaredClaim }[];
  readonly unread: readonly { readonly file: string; readonly why: string; readonly failed?: true }[];
}

/**
 * Reads the claims that spec files declare, without running them as tests: each file is imported
 * while a collection is under way, so its `verifyClaim(…)` statements hand their definitions over.
 * A file that registers tests itself (a claim map) cannot be read this way, nor can a broken one (its
 * import throws); both are listed in `unread`.
 * Each file is imported anew (a query string), so a second collection in one process reads it again.
 *
 * @example
 * ```ts
 * const { claims } = await collectClaims(['/repo/specs/tradeoff/03-tradeoff-correlation.spec.ts']); // 2 claims
 * ```
 */
export async function collectClaims(files: readonly string[]): Promise<CollectedClaims> {
  const collection: Collection = { file: '', claims: [] };
  const unread: { file: string; why: string; failed?: true }[] = [];
  const token = Date.now().toString(36);
  state[active] = collection;
  try {
    for (const file of files) {
      collection.file = file;
      const before = collection.claims.length;
      try {
        await import(`${pathToFileURL(file).href}?collect=${token}`);
        if (collection.claims.length === before) unread.push({ file, why: 'it declares no claim through verifyClaim or verifyPropertyClaim' });
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        unread.push({
          file,
          why: `importing it outside a test run threw (${why}): it registers its tests itself (a claim map), or it is broken`,
          failed: true,
        });
      }
    }
  } finally {
    delete state[active];
  }
  return { claims: collection.claims, unread };
}
