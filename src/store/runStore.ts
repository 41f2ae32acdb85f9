import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomic } from '../primitives/atomicFile.js';
import type { RunResult } from '../results/runResult.js';

/** Who holds a run's lock. */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

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
 * atomically (a crash never leaves a half-written result), and one lock file per run being trained
 * under `locks/<key>.lock`, created exclusively so that parallel processes, or machines sharing the
 * folder, never train the same run twice. A lock whose process is gone (same host) or that is older
 * than `staleAfterMs` (any host) is stale and may be taken over.
 *
 * @example
 * ```ts
 * const { runs } = openStore({ root: '.gst-store' });
 * runs.read(key) ?? (runs.tryLock(key) && runs.write(key, await executeJob(job, { store })));
 * ```
 */
export class RunStore {
  readonly dir: string;
  private readonly staleAfterMs: number;

  constructor(options: { dir: string; staleAfterMs?: number }) {
    this.dir = options.dir;
    this.staleAfterMs = options.staleAfterMs ?? 12 * 3600 * 1000;
    mkdirSync(join(this.dir, 'runs'), { recursive: true });
    mkdirSync(join(this.dir, 'locks'), { recursive: true });
  }

  private runPath(key: string): string {
    return join(this.dir, 'runs', `${key}.json`);
  }

  private lockPath(key: string): string {
    return join(this.dir, 'locks', `${key}.lock`);
  }

  /** The stored result of a run, if it finished. */
  read(key: string): RunResult | undefined {
    const path = this.runPath(key);
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(path, 'utf8')) as RunResult;
  }

  /** Keys of every finished run. */
  keys(): string[] {
    return readdirSync(join(this.dir, 'runs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
  }

  has(key: string): boolean {
    return existsSync(this.runPath(key));
  }

  /** Stores a finished run atomically. */
  write(key: string, result: RunResult): void {
    writeJsonAtomic(this.runPath(key), result);
  }

  /** Who holds the lock of a run, if anyone. */
  lockHolder(key: string): LockInfo | undefined {
    try {
      return JSON.parse(readFileSync(this.lockPath(key), 'utf8')) as LockInfo;
    } catch {
      return undefined;
    }
  }

  /** Whether a held lock is stale: its process is gone (same host) or it is older than the limit. */
  isStale(lock: LockInfo): boolean {
    if (Date.now() - Date.parse(lock.since) > this.staleAfterMs) return true;
    return lock.host === hostname() && !processAlive(lock.pid);
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
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies LockInfo));
        closeSync(fd);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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
