import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomic } from '../primitives/atomicFile.js';
import type { RunResult } from '../results/runResult.js';
import { runResultProblem } from '../results/runResultProblem.js';
import { quarantine } from './quarantine.js';
import { recordHash } from './recordHash.js';

/** Who holds a run's lock, since when, and when the holder last said it still trains (a lease). */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  /** The holder's last refresh (absent in locks of older versions: `since` counts). */
  readonly refreshed?: string;
}

/** How long a lock stays valid without a refresh, on any host, by default: its holder refreshes it every 30 s. */
export const defaultLockLeaseMs = 5 * 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The run results of the store (see {@link openStore}): one JSON file per finished run under `runs/<key>.json`, written
 * atomically (a crash never leaves a half-written result) with a hash of its content, and verified
 * when read: a record that does not parse, lacks the shape of a run result, carries no hash or does
 * not match its hash is moved to `quarantine/` with one warning line that names it and why, and reads as missing,
 * so its run is trained again. One lock file per run being trained
 * under `locks/<key>.lock`, created exclusively so that parallel processes, or machines sharing the
 * folder, never train the same run twice. A lock is a lease: it names its holder (host, pid, start)
 * and the holder refreshes it while it trains; one not refreshed for `leaseMs` (any host), or whose
 * process is gone (same host), is stale and may be taken over.
 *
 * @example
 * ```ts
 * const { runs } = openStore({ root: '.gst-store' });
 * runs.read(key) ?? (runs.tryLock(key) && runs.write(key, (await executeJobs([job], { store }))[0]));
 * ```
 */
export class RunStore {
  readonly dir: string;
  private readonly leaseMs: number;
  /** Records this process has verified (or written) since it opened the store. */
  private readonly verified = new Set<string>();

  constructor(options: { dir: string; leaseMs?: number }) {
    this.dir = options.dir;
    this.leaseMs = options.leaseMs ?? defaultLockLeaseMs;
    mkdirSync(join(this.dir, 'runs'), { recursive: true });
    mkdirSync(join(this.dir, 'locks'), { recursive: true });
  }

  private runPath(key: string): string {
    return join(this.dir, 'runs', `${key}.json`);
  }

  private lockPath(key: string): string {
    return join(this.dir, 'locks', `${key}.lock`);
  }

  /** The stored result of a run, if it finished and its record is sound (a damaged one is quarantined: see the class). */
  read(key: string): RunResult | undefined {
    const path = this.runPath(key);
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      return this.quarantine(key, `it does not parse (${(error as Error).message})`);
    }
    const { contentHash: hash, ...result } = (typeof record === 'object' && record !== null ? record : {}) as { contentHash?: unknown };
    const problem = runResultProblem(record === null || typeof record !== 'object' ? record : result);
    if (problem !== undefined) return this.quarantine(key, problem);
    if (typeof hash !== 'string') return this.quarantine(key, 'it carries no content hash (contentHash)');
    if (hash !== recordHash(result)) return this.quarantine(key, 'its content does not match the hash it was written with');
    this.verified.add(key);
    return result as RunResult;
  }

  /**
   * Moves a record aside to `quarantine/`, says why in one line, and reads it as missing, so its run is
   * trained again: for a damaged record, and for one that training again did not reproduce (`store:verify`).
   */
  quarantine(key: string, reason: string): undefined {
    this.verified.delete(key);
    quarantine({
      path: this.runPath(key),
      quarantineDir: join(this.dir, 'quarantine'),
      shownAs: `runs/${key}.json`,
      reason,
      next: 'its run will be trained again',
    });
    return undefined;
  }

  /** Keys of every finished run. */
  keys(): string[] {
    return readdirSync(join(this.dir, 'runs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
  }

  /** Whether a run finished and its record is sound (each record is read and verified once per process). */
  has(key: string): boolean {
    if (!existsSync(this.runPath(key))) return false;
    return this.verified.has(key) || this.read(key) !== undefined;
  }

  /** Stores a finished run atomically, with the hash of its content. */
  write(key: string, result: RunResult): void {
    writeJsonAtomic(this.runPath(key), { ...result, contentHash: recordHash(result) });
    this.verified.add(key);
  }

  /** Who holds the lock of a run, if anyone. */
  lockHolder(key: string): LockInfo | undefined {
    try {
      return JSON.parse(readFileSync(this.lockPath(key), 'utf8')) as LockInfo;
    } catch {
      return undefined;
    }
  }

  /** When a held lock may be taken over unless its holder renews it first (ms since the epoch): its last renewal plus the lease. */
  takeoverAt(lock: LockInfo): number {
    return Date.parse(lock.refreshed ?? lock.since) + this.leaseMs;
  }

  /** Whether a held lock is stale: not refreshed for the lease (any host), or its process is gone (same host). */
  isStale(lock: LockInfo): boolean {
    if (Date.now() > this.takeoverAt(lock)) return true;
    return lock.host === hostname() && !processAlive(lock.pid);
  }

  /** Renews the lease of a lock this process holds (its holder calls it while it trains). */
  refreshLock(key: string): void {
    const holder = this.lockHolder(key);
    if (holder?.pid !== process.pid || holder.host !== hostname()) return;
    writeJsonAtomic(this.lockPath(key), { ...holder, refreshed: new Date().toISOString() } satisfies LockInfo);
  }

  /**
   * Takes the lock of a run for this process; returns false when another live process holds it.
   * A stale lock is taken over.
   */
  tryLock(key: string): boolean {
    const path = this.lockPath(key);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        const now = new Date().toISOString();
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: now, refreshed: now } satisfies LockInfo));
        closeSync(fd);
        return true;
      } catch (error) {
        const { code } = error as NodeJS.ErrnoException;
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
          throw new Error(
            `GST_STORE=${this.dir} is not writable (${code}), and run ${key} is not stored yet, so it must be trained; set GST_STORE to a folder this process can write, or import the missing runs (npm run store:import)`,
          );
        if (code !== 'EEXIST') throw error;
        const holder = this.lockHolder(key);
        if (holder !== undefined && !this.isStale(holder)) return false;
        rmSync(path, { force: true });
      }
    }
    return false;
  }

  /** Releases a lock this process holds. */
  unlock(key: string): void {
    const holder = this.lockHolder(key);
    if (holder?.pid === process.pid && holder.host === hostname()) rmSync(this.lockPath(key), { force: true });
  }
}
