import { join, relative, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { claimFamilies, claimSpecFiles } from '../dsl/claimFamily.js';
import { collectClaims, type CollectedClaims } from './claimCollector.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The claim families of the suite, read once when it started (`claimFamilies`). */
    claimFamilies: Record<string, number>;
  }
}

/** Throws when two claims share an id, naming the id and both files (their reports and live states would overwrite each other). */
function refuseDuplicateIds(claims: CollectedClaims['claims'], root: string): void {
  const fileOf = new Map<string, string>();
  for (const { file, claim } of claims) {
    const id = claim.definition.id;
    const first = fileOf.get(id);
    if (first !== undefined)
      throw new Error(
        `claim id '${id}' is declared twice: in ${relative(root, first)} and in ${relative(root, file)}; give each claim its own id (nothing was trained)`,
      );
    fileOf.set(id, file);
  }
}

/**
 * Vitest global setup of the claims project: fixes every claim family when the suite starts, so that
 * every claim of one run is corrected over the same family, whatever files appear while it runs. The
 * spec files are read first: one that fails to import counts in no family (it is reported as an error),
 * and two claims with one id are refused before anything trains.
 */
export default async function setup(project: TestProject): Promise<void> {
  const specs = join(project.config.root, 'specs');
  const collected = await collectClaims(claimSpecFiles(specs));
  refuseDuplicateIds(collected.claims, project.config.root);
  const broken = new Set(collected.unread.filter((u) => u.failed).map((u) => resolve(u.file)));
  project.provide('claimFamilies', claimFamilies(specs, broken));
}
