import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { claimFamilies } from '../dsl/claimFamily.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The claim families of the suite, read once when it started (`claimFamilies`). */
    claimFamilies: Record<string, number>;
  }
}

/**
 * Vitest global setup of the claims project: fixes every claim family when the suite starts, so that
 * every claim of one run is corrected over the same family, whatever files appear while it runs.
 */
export default function setup(project: TestProject): void {
  project.provide('claimFamilies', claimFamilies(join(project.config.root, 'specs')));
}
