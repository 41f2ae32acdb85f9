import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Size of the family a claim is corrected over, read from the folder now: the number of claim spec
 * files (`*.spec.ts`) in the folder of `specPath`; 1 without one. A running suite reads every folder's
 * once, when it starts ({@link claimFamilies}), so that a file added meanwhile changes nothing in it.
 */
export function claimFamilySize(specPath: string | undefined): number {
  if (specPath === undefined) return 1;
  return Math.max(1, readdirSync(dirname(specPath)).filter((f) => f.endsWith('.spec.ts')).length);
}

/**
 * Every claim family under `dir` at this moment: for each folder holding claim spec files, keyed by
 * its absolute path, the number of them.
 *
 * @example
 * ```ts
 * claimFamilies('specs'); // { '/repo/specs/tradeoff': 11, '/repo/specs/tradeoff/controls': 3, '/repo/specs/tradeoff/maps': 3 }
 * ```
 */
export function claimFamilies(dir: string): Record<string, number> {
  const entries = readdirSync(dir, { withFileTypes: true });
  const specs = entries.filter((e) => e.isFile() && e.name.endsWith('.spec.ts')).length;
  const here: Record<string, number> = specs > 0 ? { [resolve(dir)]: specs } : {};
  return Object.assign(here, ...entries.filter((e) => e.isDirectory()).map((e) => claimFamilies(join(dir, e.name))));
}

/**
 * The family size of the claim in `specPath` as `families` (fixed when the suite started) has it; read
 * from the folder now where `families` is missing or has no entry for it (a claim run outside a suite).
 *
 * @example
 * ```ts
 * familySizeOf(inject('claimFamilies'), expect.getState().testPath); // 11 for a claim of specs/tradeoff
 * ```
 */
export function familySizeOf(families: Readonly<Record<string, number>> | undefined, specPath: string | undefined): number {
  if (specPath === undefined) return 1;
  return families?.[resolve(dirname(specPath))] ?? claimFamilySize(specPath);
}
