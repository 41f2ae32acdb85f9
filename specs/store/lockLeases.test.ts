import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../src/run/runAll.js';
import { runKey } from '../../src/store/runKey.js';
import { defaultLockLeaseMs, RunStore, type LockInfo } from '../../src/store/runStore.js';
import { tempStore } from '../support/tempStore.js';
import { tinyRunConfig } from '../support/tinyRunConfig.js';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const lockFile = (dir: string, key: string) => join(dir, 'locks', `${key}.lock`);

describe('run locks are leases', () => {
  it('name their holder and are renewed by it; one not renewed for the lease is stale on any host, a renewed one is not', () => {
    const runs = tempStore().runs;
    expect(runs.tryLock('k')).toBe(true);
    const taken = runs.lockHolder('k');
    expect(taken).toMatchObject({ pid: process.pid, host: hostname() });
    writeFileSync(lockFile(runs.dir, 'k'), JSON.stringify({ ...taken, refreshed: minutesAgo(3) }));
    runs.refreshLock('k');
    expect(Date.now() - Date.parse(runs.lockHolder('k')?.refreshed ?? '')).toBeLessThan(5_000);
    const elsewhere = (refreshed: string): LockInfo => ({ pid: 1, host: 'another-machine', since: minutesAgo(60), refreshed });
    writeFileSync(lockFile(runs.dir, 'away'), JSON.stringify(elsewhere(minutesAgo(6))));
    expect(runs.tryLock('away')).toBe(true); // its holder stopped renewing it 6 minutes ago: taken over
    writeFileSync(lockFile(runs.dir, 'busy'), JSON.stringify(elsewhere(minutesAgo(1))));
    expect(runs.tryLock('busy')).toBe(false); // renewed a minute ago: still held, however old
    expect(new RunStore({ dir: runs.dir, leaseMs: 30_000 }).tryLock('busy')).toBe(true);
  });

  it('make a waiting process say what it waits for, held by whom and since when, then finish when the holder is done', async () => {
    const store = tempStore();
    const config = { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs: 1 } };
    const key = runKey({ config, seed: 5, backend: 'wasm' });
    const holder: LockInfo = { pid: process.pid, host: hostname(), since: minutesAgo(2), refreshed: minutesAgo(0) };
    writeFileSync(lockFile(store.root, key), JSON.stringify(holder));
    const lines: string[] = [];
    setTimeout(() => rmSync(lockFile(store.root, key)), 400);
    const { results } = await runAll([{ config, seed: 5, label: 'held run' }], {
      store,
      workers: 0,
      pollMs: 50,
      noticeMs: 150,
      progress: (l) => lines.push(l),
    });
    const waits = lines.filter((l) => l.startsWith('waiting for held run'));
    expect(waits.length).toBeGreaterThanOrEqual(2); // repeated while it waits
    expect(waits[0]).toContain(`trained by pid ${process.pid} on ${hostname()} since ${holder.since}, lease renewed`);
    const takeover = new Date(Date.parse(holder.refreshed ?? '') + defaultLockLeaseMs).toISOString();
    expect(waits[0]).toMatch(new RegExp(`; taken over at ${takeover.replace(/\./g, '\\.')} \\(in [45]m\\d\\ds\\) unless renewed$`));
    expect(results[0].seed).toBe(5);
    expect(lines.at(-1)).toMatch(/^runs 1\/1 trained \(0 cached\), done in /);
  });

  it('are renewed while their run trains', async () => {
    const store = tempStore();
    const config = { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs: 3 } };
    const key = runKey({ config, seed: 6, backend: 'wasm' });
    const renewals = new Set<string>();
    const watch = setInterval(() => {
      try {
        renewals.add((JSON.parse(readFileSync(lockFile(store.root, key), 'utf8')) as LockInfo).refreshed ?? '');
      } catch {
        // not locked (yet, or any more)
      }
    }, 5);
    await runAll([{ config, seed: 6, label: 'renewed' }], { store, workers: 1, noticeMs: 20 });
    clearInterval(watch);
    expect(renewals.size).toBeGreaterThanOrEqual(2);
  });
});
