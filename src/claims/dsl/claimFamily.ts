import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A statement that registers one claim: `verifyClaim(` or `verifyPropertyClaim(` at the start of a line. */
const claimStatement = /^\s*verify(?:Property)?Claim\(/gm;

/**
 * The claims a spec file registers (docs/methods/verdicts.md §8.1): its statements that start with
 * `verifyClaim(` or `verifyPropertyClaim(`.
 *
 * @example
 * ```ts
 * claimsInFile('specs/tradeoff/03-tradeoff-correlation.spec.ts'); // 2
 * ```
 */
export function claimsInFile(path: string): number {
  return readFileSync(path, 'utf8').match(claimStatement)?.length ?? 0;
}

/** The claim spec files (`*.spec.ts`) of a folder. */
function specFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => join(dir, f));
}

/**
 * Every spec file under `dir` (its folders included) that registers claims.
 *
 * @example
 * ```ts
 * claimSpecFiles('specs').length; // 14: the 11 claim files and the 3 controls
 * ```
 */
export function claimSpecFiles(dir: string): string[] {
  const subfolders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  return [...specFiles(dir).filter((f) => claimsInFile(f) > 0), ...subfolders.flatMap((e) => claimSpecFiles(join(dir, e.name)))];
}

/**
 * Size of the family a claim is corrected over, read from the folder now: the number of claims in the
 * spec files of the folder of `specPath`; 1 without one. A running suite reads every folder's once,
 * when it starts ({@link claimFamilies}), so that a file added meanwhile changes nothing in it.
 */
export function claimFamilySize(specPath: string | undefined): number {
  if (specPath === undefined) return 1;
  return Math.max(
    1,
    specFiles(dirname(specPath)).reduce((n, f) => n + claimsInFile(f), 0),
  );
}

/**
 * Every claim family under `dir` at this moment: for each folder whose spec files register claims,
 * keyed by its absolute path, the number of claims; files in `broken` (absolute paths of files that
 * fail to import, so none of their claims can run) count none.
 *
 * @example
 * ```ts
 * claimFamilies('specs'); // { '/repo/specs/tradeoff': 15, '/repo/specs/tradeoff/controls': 3 }
 * ```
 */
export function claimFamilies(dir: string, broken: ReadonlySet<string> = new Set()): Record<string, number> {
  const entries = readdirSync(dir, { withFileTypes: true });
  const claims = specFiles(dir)
    .filter((f) => !broken.has(resolve(f)))
    .reduce((n, f) => n + claimsInFile(f), 0);
  const here: Record<string, number> = claims > 0 ? { [resolve(dir)]: claims } : {};
  return Object.assign(here, ...entries.filter((e) => e.isDirectory()).map((e) => claimFamilies(join(dir, e.name), broken)));
}

/**
 * The family size of the claim in `specPath` as `families` (fixed when the suite started) has it; read
 * from the folder now where `families` is missing or has no entry for it (a claim run outside a suite).
 *
 * @example
 * ```ts
 * familySizeOf(inject('claimFamilies'), expect.getState().testPath); // 15 for a claim of specs/tradeoff
 * ```
 */
export function familySizeOf(families: Readonly<Record<string, number>> | undefined, specPath: string | undefined): number {
  if (specPath === undefined) return 1;
  return families?.[resolve(dirname(specPath))] ?? claimFamilySize(specPath);
}

/**
 * The family size of the claim `id` under `dir` now: the claims of the folder whose spec file
 * declares `id: '<id>'`; undefined when none does (e.g. a claim since removed).
 *
 * @example
 * ```ts
 * familySizeOfClaim('aa-greater', 'specs'); // 3
 * ```
 */
export function familySizeOfClaim(id: string, dir: string): number | undefined {
  const families = claimFamilies(dir);
  const declares = (file: string) => readFileSync(file, 'utf8').includes(`id: '${id}'`);
  const search = (d: string): string | undefined =>
    specFiles(d).find(declares) ??
    readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => search(join(d, e.name)))
      .find((f) => f !== undefined);
  const file = search(dir);
  return file === undefined ? undefined : families[resolve(dirname(file))];
}
