import { existsSync, readFileSync } from 'node:fs';
import type { ClaimsDocument } from './claimsDocument.js';

/** What is wrong with a parsed value as a baseline (a claims.json), or undefined. */
function baselineProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { claims?: unknown }).claims)) return 'it has no list of claims';
  const claims = (value as { claims: unknown[] }).claims;
  const bad = claims.findIndex((c) => {
    const claim = c as { id?: unknown; verdict?: unknown; verdicts?: { main?: { effect?: { value?: unknown } } }[] };
    return typeof claim?.id !== 'string' || typeof claim.verdict !== 'string' || typeof claim.verdicts?.[0]?.main?.effect?.value !== 'number';
  });
  return bad < 0 ? undefined : `claims[${bad}] has no id, verdict or deciding effect`;
}

/**
 * The baseline a suite compares with (`GST_BASELINE`), read and checked when the suite starts, so a
 * missing or damaged file is refused before anything trains, naming the setting, the file and the fix.
 *
 * @example
 * ```ts
 * readBaseline('fixtures/baselines/ci.json').claims.length; // 4
 * ```
 */
export function readBaseline(path: string): ClaimsDocument {
  const refuse = (why: string): never => {
    throw new Error(`GST_BASELINE=${path}: ${why}; give a claims.json a suite wrote (npm run baseline:accept keeps the last one as the profile's baseline)`);
  };
  if (!existsSync(path)) refuse('the file does not exist');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return refuse(`not JSON (${(error as Error).message})`);
  }
  const problem = baselineProblem(value);
  if (problem !== undefined) refuse(problem);
  return value as ClaimsDocument;
}
