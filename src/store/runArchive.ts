import { gzipSync } from 'node:zlib';
import { backendIdentity } from '../engine/backend/initBackend.js';
import type { RunResult } from '../results/runResult.js';
import { runResultProblem } from '../results/runResultProblem.js';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import { archiveLines } from './archiveLines.js';
import type { ExperimentStore } from './experimentStore.js';
import { recordHash } from './recordHash.js';
import { runKey } from './runKey.js';

/** One line of a run archive: a run's key, its result, and the result's content hash. */
interface ArchivedRun {
  readonly key: string;
  readonly contentHash: string;
  readonly result: RunResult;
}

/** A verified line, and whether its key is another engine version's (a sound record that this version would key otherwise). */
interface VerifiedLine extends ArchivedRun {
  readonly line: number;
  readonly stale: boolean;
}

const noPrototypeKeys = (key: string, value: unknown) => {
  if (key === '__proto__') throw new Error('a key named __proto__ is not allowed');
  return value;
};

/** What is wrong with an archive line, in a few words, or undefined when it is a sound run record with its hash. */
function lineProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const { key, contentHash, result } = value as Partial<Record<keyof ArchivedRun, unknown>>;
  if (typeof key !== 'string' || !/^[0-9a-f]{32}$/.test(key)) return 'key is not a run key (32 hex digits)';
  const problem = runResultProblem(result);
  if (problem !== undefined) return `result: ${problem}`;
  if (typeof contentHash !== 'string') return 'contentHash is missing (archives of store:export carry one a run)';
  if (contentHash !== recordHash(result)) return 'the result does not match its contentHash: it was changed after it was stored';
  return undefined;
}

/** Every line of an archive, verified; throws at the first bad one, naming file, line and what is wrong. */
async function* verifiedLines(path: string): AsyncGenerator<VerifiedLine> {
  for await (const { text, line } of archiveLines(path)) {
    let value: unknown;
    try {
      value = JSON.parse(text, noPrototypeKeys);
    } catch (error) {
      throw new Error(`run archive ${path}, line ${line}: not JSON (${(error as Error).message}); nothing was imported`);
    }
    const problem = lineProblem(value);
    if (problem !== undefined) throw new Error(`run archive ${path}, line ${line}: ${problem}; nothing was imported`);
    const run = value as ArchivedRun;
    const stale = run.key !== runKey({ config: run.result.config, seed: run.result.seed, backend: backendIdentity(run.result.backend) });
    yield { ...run, line, stale };
  }
}

/**
 * Writes the store's finished runs that pass `filter` to one gzip-compressed JSON-lines file
 * (`{"key", "contentHash", "result"}` a line), atomically: a campaign's runs carried to another machine,
 * since a store does not outlive the machine it is on. Prefix checkpoints and final states stay behind
 * (runs that need them are retrained).
 *
 * @example
 * ```ts
 * exportRuns(store, 'fixtures/runs/map.jsonl.gz', (r) => r.seed <= 10); // { written: 212 }
 * ```
 */
export function exportRuns(store: ExperimentStore, path: string, filter: (result: RunResult, key: string) => boolean): { written: number } {
  const lines: string[] = [];
  for (const key of store.runs.keys().sort()) {
    const result = store.runs.read(key);
    if (result !== undefined && filter(result, key)) lines.push(JSON.stringify({ key, contentHash: recordHash(result), result } satisfies ArchivedRun));
  }
  writeFileAtomic(path, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  return { written: lines.length };
}

/**
 * The run keys an archive holds (e.g. to export only the runs a campaign added after it), each line verified as {@link importRuns} does.
 *
 * @example
 * ```ts
 * const old = await archivedKeys('fixtures/runs/mini-confirmation.jsonl.gz');
 * exportRuns(store, 'fixtures/runs/map.jsonl.gz', (r, key) => !old.has(key));
 * ```
 */
export async function archivedKeys(path: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const run of verifiedLines(path)) keys.add(run.key);
  return keys;
}

/**
 * Adds an archive's runs to the store, all or nothing: every line is read (streamed) and verified
 * first (its shape, its content hash, one result per key), and one bad line refuses the whole
 * archive, naming file, line and what is wrong. A run already stored is left alone; a sound run whose
 * key is not what this engine version gives its config, seed and backend (another engine version) is
 * skipped and counted as stale, so no result is ever filed under the wrong key. A hash only shows
 * that nothing changed by accident since the run was stored; `npm run store:verify` proves runs by
 * training them again.
 *
 * @example
 * ```ts
 * await importRuns(store, 'fixtures/runs/map.jsonl.gz'); // { imported: 212, present: 0, stale: 0 }
 * ```
 */
export async function importRuns(store: ExperimentStore, path: string): Promise<{ imported: number; present: number; stale: number }> {
  const seen = new Map<string, { hash: string; line: number }>();
  for await (const run of verifiedLines(path)) {
    const earlier = seen.get(run.key);
    if (earlier !== undefined && earlier.hash !== run.contentHash)
      throw new Error(`run archive ${path}, lines ${earlier.line} and ${run.line}: two different results under key ${run.key}; nothing was imported`);
    seen.set(run.key, { hash: run.contentHash, line: run.line });
  }
  const counts = { imported: 0, present: 0, stale: 0 };
  const written = new Set<string>();
  for await (const run of verifiedLines(path)) {
    if (run.stale) counts.stale += 1;
    else if (written.has(run.key) || store.runs.has(run.key)) counts.present += 1;
    else {
      store.runs.write(run.key, run.result);
      written.add(run.key);
      counts.imported += 1;
    }
  }
  return counts;
}
