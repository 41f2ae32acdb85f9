import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { backendIdentity } from '../../src/engine/backend/initBackend.js';
import { openStore } from '../../src/store/experimentStore.js';
import { recordHash } from '../../src/store/recordHash.js';
import { archivedKeys, exportRuns, importRuns } from '../../src/store/runArchive.js';
import { runKey } from '../../src/store/runKey.js';
import { syntheticRun } from '../support/syntheticRuns.js';

const dir = mkdtempSync(join(tmpdir(), 'gst-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runs = [1, 2, 3, 11].map((seed) => syntheticRun({ seed, stability: 80 + seed, best: 0.7 }));
const keyOf = (r: (typeof runs)[number]) => runKey({ config: r.config, seed: r.seed, backend: backendIdentity(r.backend) });

/** An archive of the four runs, one line each, with each line rewritten by `edit` (the archive's text, as an editor sees it). */
function archiveOf(name: string, edit: (line: string, index: number) => string = (line) => line): string {
  const source = openStore({ root: join(dir, `source-${name}`) });
  for (const r of runs) source.runs.write(keyOf(r), r);
  const path = join(dir, `${name}.jsonl.gz`);
  exportRuns(source, path, () => true);
  const lines = gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n');
  writeFileSync(path, gzipSync(`${lines.map(edit).join('\n')}\n`));
  return path;
}

const editAccuracy = (line: string) => line.replace('"testAccuracy":0.7', '"testAccuracy":0.9');

describe('run archives', () => {
  it('carry finished runs to another store under the same keys, skip what is there and refuse results filed under a wrong key', async () => {
    const source = openStore({ root: join(dir, 'a') });
    for (const r of runs) source.runs.write(keyOf(r), r);
    source.runs.write('0'.repeat(32), runs[1]); // a result under a key it does not have
    const archive = join(dir, 'runs.jsonl.gz');
    expect(exportRuns(source, archive, (r) => r.seed <= 10)).toEqual({ written: 4 });

    const target = openStore({ root: join(dir, 'b') });
    target.runs.write(keyOf(runs[0]), runs[0]);
    expect(await importRuns(target, archive)).toEqual({ imported: 2, present: 1, stale: 1 });
    expect(target.runs.keys().sort()).toEqual([runs[0], runs[1], runs[2]].map(keyOf).sort());
    for (const r of runs.slice(0, 3))
      expect(readFileSync(join(dir, 'b', 'runs', `${keyOf(r)}.json`), 'utf8')).toBe(readFileSync(join(dir, 'a', 'runs', `${keyOf(r)}.json`), 'utf8'));
    const old = await archivedKeys(archive);
    expect(old).toEqual(new Set([...runs.slice(0, 3).map(keyOf), '0'.repeat(32)]));
    expect(exportRuns(source, join(dir, 'added.jsonl.gz'), (r, key) => !old.has(key))).toEqual({ written: 1 });
    expect(await archivedKeys(join(dir, 'added.jsonl.gz'))).toEqual(new Set([keyOf(runs[3])]));
    await expect(importRuns(target, join(dir, 'missing.jsonl.gz'))).rejects.toThrow(
      /run archive .*missing.jsonl.gz does not exist; write one with npm run store:export/,
    );
  });

  it('are refused whole, naming file and line, when one record was edited, lost its hash or lacks its shape', async () => {
    const cases: [name: string, edit: (line: string, index: number) => string, error: RegExp][] = [
      ['edited', (l, i) => (i === 2 ? editAccuracy(l) : l), /edited\.jsonl\.gz, line 3: the result does not match its contentHash/],
      ['hashless', (l, i) => (i === 1 ? l.replace(/"contentHash":"[0-9a-f]+",/, '') : l), /hashless\.jsonl\.gz, line 2: contentHash is missing/],
      ['configless', (l, i) => (i === 3 ? l.replace(/"config":\{.*?\},"seed"/, '"seed"') : l), /configless\.jsonl\.gz, line 4: result: config .* is missing/],
      [
        'proto',
        (l, i) => (i === 0 ? l.replace('{"key"', '{"__proto__":{"polluted":true},"key"') : l),
        /proto\.jsonl\.gz, line 1: not JSON \(a key named __proto__/,
      ],
      ['not-json', (l, i) => (i === 1 ? l.slice(0, 40) : l), /not-json\.jsonl\.gz, line 2: not JSON/],
      ['twice', (l, i) => (i === 3 ? l.replace(/"key":"[0-9a-f]+"/, `"key":"${keyOf(runs[0])}"`) : l), /lines \d and 4: two different results under key/],
    ];
    for (const [name, edit, error] of cases) {
      const target = openStore({ root: join(dir, `target-${name}`) });
      await expect(importRuns(target, archiveOf(name, edit)), name).rejects.toThrow(error);
      await expect(importRuns(target, archiveOf(name, edit)), name).rejects.toThrow(/nothing was imported/);
      expect(target.runs.keys(), name).toEqual([]);
    }
    // an edit with its hash recomputed passes the hash (whoever edits can recompute it): store:verify catches that one (specs/store/verifyRuns.test.ts)
    const rehashed = archiveOf('rehashed', (line, i) => {
      if (i !== 2) return line;
      const { key, result } = JSON.parse(editAccuracy(line)) as { key: string; result: unknown };
      return JSON.stringify({ key, contentHash: recordHash(result), result });
    });
    expect(await importRuns(openStore({ root: join(dir, 'target-rehashed') }), rehashed)).toEqual({ imported: 4, present: 0, stale: 0 });
  });

  it('are streamed within limits: a gzip bomb, a file that is not gzip and a truncated one are errors naming the file', async () => {
    const bomb = join(dir, 'bomb.jsonl.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(64 * 2 ** 20, 0x61), { level: 9 })); // 64 MiB of 'a' in one line, 64 KiB compressed
    const target = openStore({ root: join(dir, 'target-limits') });
    await expect(importRuns(target, bomb)).rejects.toThrow(/bomb\.jsonl\.gz, line 1: longer than 16777216 bytes decompressed/);
    const plain = join(dir, 'plain.jsonl.gz');
    writeFileSync(plain, '{"key": "not gzip"}\n');
    await expect(importRuns(target, plain)).rejects.toThrow(/plain\.jsonl\.gz, line 1: not a gzip file/);
    const whole = readFileSync(archiveOf('whole'));
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    await expect(importRuns(target, cut)).rejects.toThrow(/cut\.jsonl\.gz, line \d+: truncated|cut\.jsonl\.gz, line \d+: not JSON/);
    expect(target.runs.keys()).toEqual([]);
  });
});
