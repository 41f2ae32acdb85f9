import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { backendIdentity } from '../engine/backend/initBackend.js';
import type { RunResult } from '../results/runResult.js';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import type { ExperimentStore } from './experimentStore.js';
import { runKey } from './runKey.js';

/** One line of a run archive. */
interface ArchivedRun {
  readonly key: string;
  readonly result: RunResult;
}

/** Whether a stored result is what its key says under this engine version (config, seed, backend). */
function keyMatches({ key, result }: ArchivedRun): boolean {
  return key === runKey({ config: result.config, seed: result.seed, backend: backendIdentity(result.backend) });
}

/**
 * Writes the store's finished runs that pass `filter` to one gzip-compressed JSON-lines file
 * (`{"key", "result"}` a line), atomically: a campaign's runs carried to another machine, since a
 * store does not outlive the machine it is on. Prefix checkpoints and final states stay behind (runs
 * that need them are retrained).
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
    if (result !== undefined && filter(result, key)) lines.push(JSON.stringify({ key, result } satisfies ArchivedRun));
  }
  writeFileAtomic(path, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  return { written: lines.length };
}

/** An archive's lines; throws naming the file when it does not exist. */
function readArchive(path: string): ArchivedRun[] {
  if (!existsSync(path)) throw new Error(`run archive ${path} does not exist; write one with npm run store:export`);
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ArchivedRun);
}

/**
 * The run keys an archive holds (e.g. to export only the runs a campaign added after it).
 *
 * @example
 * ```ts
 * const old = archivedKeys('fixtures/runs/mini-confirmation.jsonl.gz');
 * exportRuns(store, 'fixtures/runs/map.jsonl.gz', (r, key) => !old.has(key));
 * ```
 */
export function archivedKeys(path: string): Set<string> {
  return new Set(readArchive(path).map((r) => r.key));
}

/**
 * Adds an archive's runs to the store. A run already stored is left alone; a run whose key does not
 * match its config, seed and backend under this engine version (another engine version, or an
 * edited file) is skipped and counted as stale, so no result is ever filed under the wrong key.
 *
 * @example
 * ```ts
 * importRuns(store, 'fixtures/runs/map.jsonl.gz'); // { imported: 212, present: 0, stale: 0 }
 * ```
 */
export function importRuns(store: ExperimentStore, path: string): { imported: number; present: number; stale: number } {
  const counts = { imported: 0, present: 0, stale: 0 };
  for (const run of readArchive(path)) {
    if (!keyMatches(run)) counts.stale += 1;
    else if (store.runs.has(run.key)) counts.present += 1;
    else {
      store.runs.write(run.key, run.result);
      counts.imported += 1;
    }
  }
  return counts;
}
