import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendIdentity, initBackend } from '../engine/backend/initBackend.js';
import type { ProgressSink } from '../engine/train/progress.js';
import { SeededRandom } from '../primitives/seededRandom.js';
import { firstDifference } from '../results/firstDifference.js';
import type { RunResult } from '../results/runResult.js';
import { withoutTimings } from '../results/withoutTimings.js';
import { openStore, type ExperimentStore } from '../store/experimentStore.js';
import { runKey } from '../store/runKey.js';
import { runAll } from './runAll.js';

/** What {@link verifyRuns} found: runs retrained and equal, runs that were not (quarantined), and runs it could not check here. */
export interface Verification {
  readonly checked: number;
  readonly matched: number;
  /** Stored runs that training again did not reproduce, with the first value that differs (stored ≠ retrained). */
  readonly mismatched: readonly { readonly key: string; readonly seed: number; readonly difference: string }[];
  /** Runs that cannot be checked on this machine (another backend, another engine version) or whose record was damaged (quarantined on read). */
  readonly skipped: readonly { readonly key: string; readonly why: string }[];
}

/** Options of {@link verifyRuns}. */
export interface VerifyOptions {
  /** The runs to check (default: every stored run). */
  readonly keys?: readonly string[];
  /** Check only this many of them, drawn with `seed` (default: all). */
  readonly sample?: number;
  /** Seed of the sample's draw (default 1). */
  readonly seed?: number;
  /** Worker processes for the retraining (default `GST_WORKERS`, else one per core). */
  readonly workers?: number;
  readonly progress?: ProgressSink;
}

/** What a retrained run must reproduce: every value but timings and provenance notes, and of the backend its identity (not e.g. which native instruction set ran: the same bits). */
const reproducible = (result: RunResult) => ({ ...withoutTimings(result), backend: backendIdentity(result.backend) });

/** `count` of `keys` (sorted first), drawn without replacement by a seeded shuffle; all when `count` is absent or larger. */
function sampleOf(keys: readonly string[], count: number | undefined, seed: number): string[] {
  const all = [...keys].sort();
  const rng = new SeededRandom(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return count === undefined ? all.sort() : all.slice(0, count).sort();
}

/**
 * Proves stored runs by training them again: training is deterministic (same config, seed and backend
 * give the same bits), so a record is genuine exactly when retraining it in an empty scratch store gives
 * the same values, timings, provenance notes and the backend's description beyond its identity aside. A run that differs is
 * quarantined (its run is trained again when a claim needs it) and named with its first differing value.
 * Runs of another backend or engine version cannot be retrained here and are listed as skipped. A hash
 * only catches accidents; this catches edits too, so it is how runs from another machine are trusted.
 *
 * @example
 * ```ts
 * const v = await verifyRuns(openStore({ root: '.gst-store' }), { sample: 20, seed: 7 });
 * v.matched === v.checked; // true when every sampled record is what training gives
 * ```
 */
export async function verifyRuns(store: ExperimentStore, options: VerifyOptions = {}): Promise<Verification> {
  const backend = backendIdentity(await initBackend());
  const skipped: { key: string; why: string }[] = [];
  const runs: { key: string; stored: RunResult }[] = [];
  for (const key of sampleOf(options.keys ?? store.runs.keys(), options.sample, options.seed ?? 1)) {
    const stored = store.runs.read(key);
    if (stored === undefined) skipped.push({ key, why: 'no sound record (missing, or damaged and quarantined on read)' });
    else if (backendIdentity(stored.backend) !== backend)
      skipped.push({ key, why: `trained on backend '${backendIdentity(stored.backend)}', this machine runs '${backend}'` });
    else if (runKey({ config: stored.config, seed: stored.seed, backend }) !== key) skipped.push({ key, why: 'keyed by another engine version' });
    else runs.push({ key, stored });
  }
  const scratchRoot = mkdtempSync(join(tmpdir(), 'gst-verify-'));
  try {
    const requests = runs.map(({ key, stored }) => ({ config: stored.config, seed: stored.seed, label: `verify ${key.slice(0, 12)}` }));
    const { results } = await runAll(requests, { store: openStore({ root: scratchRoot }), workers: options.workers, progress: options.progress });
    const mismatched = runs.flatMap(({ key, stored }, i) => {
      const difference = firstDifference(reproducible(stored), reproducible(results[i]));
      if (difference === undefined) return [];
      store.runs.quarantine(key, `training it again gave other values (${difference}, stored ≠ retrained)`);
      return [{ key, seed: stored.seed, difference }];
    });
    return { checked: runs.length, matched: runs.length - mismatched.length, mismatched, skipped };
  } finally {
    rmSync(scratchRoot, { recursive: true, force: true });
  }
}
