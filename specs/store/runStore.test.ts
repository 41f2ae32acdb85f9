import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/primitives/canonicalJson.js';
import { executeRun } from '../../src/run/executeRun.js';
import { runAll } from '../../src/run/runAll.js';
import { withoutTimings } from '../../src/results/withoutTimings.js';
import { runKey } from '../../src/store/runKey.js';
import { RunStore } from '../../src/store/runStore.js';
import { tempStore as newStore } from '../support/tempStore.js';
import { tinyRunConfig } from '../support/tinyRunConfig.js';

describe('run keys', () => {
  it('are content addresses: key order does not matter, seed, backend and config do', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 3 }] })).toBe('{"a":[2,{"c":3}],"b":1}');
    const reordered = JSON.parse(canonicalJson(tinyRunConfig)) as typeof tinyRunConfig;
    const key = runKey({ config: tinyRunConfig, seed: 1, backend: 'wasm' });
    expect(runKey({ config: reordered, seed: 1, backend: 'wasm' })).toBe(key);
    expect(runKey({ config: tinyRunConfig, seed: 2, backend: 'wasm' })).not.toBe(key);
    expect(runKey({ config: tinyRunConfig, seed: 1, backend: 'tensorflow' })).not.toBe(key);
    expect(runKey({ config: { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs: 2 } }, seed: 1, backend: 'wasm' })).not.toBe(key);
  });
});

describe('RunStore', () => {
  it('locks a run for one live process, and takes over the lock of a dead one', () => {
    const store = newStore().runs;
    expect(store.tryLock('k')).toBe(true);
    expect(store.tryLock('k')).toBe(false);
    store.unlock('k');
    expect(store.tryLock('k')).toBe(true);
    store.unlock('k');
    writeFileSync(join(store.dir, 'locks', 'dead.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: new Date().toISOString() }));
    expect(store.tryLock('dead')).toBe(true);
    const old = new RunStore({ dir: store.dir, leaseMs: 0 });
    writeFileSync(
      join(store.dir, 'locks', 'old.lock'),
      JSON.stringify({ pid: process.pid, host: 'elsewhere', since: new Date(Date.now() - 1000).toISOString() }),
    );
    expect(old.tryLock('old')).toBe(true);
  });
});

describe('runAll', () => {
  it('trains each run once; a second invocation reads them all from the store', async () => {
    const store = newStore();
    const requests = [0, 1, 0].map((seed) => ({ config: tinyRunConfig, seed, label: `tiny ${seed}` }));
    const lines: string[] = [];
    const { results: first } = await runAll(requests, { store, workers: 0, progress: (l) => lines.push(l) });
    expect(first.map((r) => r.seed)).toEqual([0, 1, 0]);
    expect(first[0]).toEqual(first[2]);
    expect(readdirSync(join(store.root, 'runs')).sort()).toHaveLength(2);
    expect(readdirSync(join(store.root, 'locks'))).toHaveLength(0);
    const again: string[] = [];
    const { results: second } = await runAll(requests, { store, workers: 0, progress: (l) => again.push(l) });
    expect(second).toEqual(first);
    expect(again).toHaveLength(0);
  });

  it('trains in worker processes with the same results as in-process', async () => {
    const store = newStore();
    const [inWorker] = (await runAll([{ config: tinyRunConfig, seed: 7, label: 'w' }], { store, workers: 1 })).results;
    const [inProcess] = (await runAll([{ config: tinyRunConfig, seed: 7, label: 'p' }], { store: newStore(), workers: 0 })).results;
    expect(inWorker.epochs.map((e) => [e.trainLoss, e.testAccuracy])).toEqual(inProcess.epochs.map((e) => [e.trainLoss, e.testAccuracy]));
  });

  it('loses nothing finished when the scheduling process is killed mid-suite, and the next invocation resumes', async () => {
    const store = newStore();
    const child = spawn(process.execPath, ['--import', 'tsx', 'specs/support/scheduleRuns.ts', store.root, '2', '3'], { stdio: 'ignore' });
    const keyOf = (seed: number) => runKey({ config: { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs: 3 } }, seed, backend: 'wasm' });
    const firstKey = keyOf(0);
    const deadline = Date.now() + 90_000;
    // killed once the first run is stored, its lock released and the second run's lock taken (between the two, a kill would leave no lock)
    const secondLocked = () => existsSync(join(store.root, 'locks')) && readdirSync(join(store.root, 'locks')).join() === `${keyOf(1)}.lock`;
    while (!(existsSync(join(store.root, 'runs', `${firstKey}.json`)) && secondLocked()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(store.runs.has(firstKey)).toBe(true);
    // the second run's lock is left behind by the killed process
    expect(readdirSync(join(store.root, 'locks'))).toHaveLength(1);
    const lines: string[] = [];
    const { results } = await runAll(
      [0, 1].map((seed) => ({ config: { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs: 3 } }, seed, label: `tiny ${seed}` })),
      { store, workers: 0, progress: (l) => lines.push(l) },
    );
    expect(results.map((r) => r.seed)).toEqual([0, 1]);
    expect(lines.at(-1)).toMatch(/^runs 1\/1 trained \(1 cached\)/);
    expect(readdirSync(join(store.root, 'locks'))).toHaveLength(0);
  });
});

describe('a worker killed mid-run', () => {
  it('is replaced: its runs are trained once more in a fresh worker, which says so, with the results of an uninterrupted run', async () => {
    const config = { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs: 8 } };
    const lines: string[] = [];
    const killer = setInterval(() => {
      const workers = (() => {
        try {
          return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'runWorker'], { encoding: 'utf8' });
        } catch {
          return ''; // none yet: pgrep exits 1
        }
      })();
      const pid = workers.trim().split('\n')[0];
      if (pid !== '') {
        clearInterval(killer);
        setTimeout(() => process.kill(Number(pid), 'SIGKILL'), 1500);
      }
    }, 100);
    const { results } = await runAll([{ config, seed: 2, label: 'killed' }], { store: newStore(), workers: 1, progress: (l) => lines.push(l) }).finally(() =>
      clearInterval(killer),
    );
    expect(
      lines.filter((l) =>
        /^worker \(pid \d+\) for killed \(seed 2\) exited \(code null, signal SIGKILL\) before finishing; retrying once in a fresh worker$/.test(l),
      ),
    ).toHaveLength(1);
    expect(withoutTimings(results[0])).toEqual(withoutTimings(await executeRun({ config, seed: 2 })));
  });
});
