import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Size of the family a claim is corrected over: the number of claim spec files (`*.spec.ts`) in
 * the folder of the running spec. Adding a claim file grows the family of every claim in it.
 */
export function claimFamilySize(specPath: string | undefined): number {
  if (specPath === undefined) return 1;
  return Math.max(1, readdirSync(dirname(specPath)).filter((f) => f.endsWith('.spec.ts')).length);
}
