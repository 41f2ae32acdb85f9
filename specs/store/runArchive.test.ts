import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backendIdentity } from '../../src/engine/backend/initBackend.js';
import { openStore } from '../../src/store/experimentStore.js';
import { archivedKeys, exportRuns, importRuns } from '../../src/store/runArchive.js';
import { runKey } from '../../src/store/runKey.js';
import { syntheticRun } from '../support/syntheticRuns.js';

const dir = mkdtempSync(join(tmpdir(), 'gst-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run archives', () => {
  it('carry finished runs to another store under the same keys, skip what is there and refuse results filed under a wrong key', () => {
    const source = openStore({ root: join(dir, 'a') });
    const runs = [1, 2, 3, 11].map((seed) => syntheticRun({ seed, stability: 80 + seed, best: 0.7 }));
    const keyOf = (r: (typeof runs)[number]) => runKey({ config: r.config, seed: r.seed, backend: backendIdentity(r.backend) });
    for (const r of runs) source.runs.write(keyOf(r), r);
    source.runs.write('0'.repeat(32), runs[1]); // a result under a key it does not have
    const archive = join(dir, 'runs.jsonl.gz');
    expect(exportRuns(source, archive, (r) => r.seed <= 10)).toEqual({ written: 4 });

    const target = openStore({ root: join(dir, 'b') });
    target.runs.write(keyOf(runs[0]), runs[0]);
    expect(importRuns(target, archive)).toEqual({ imported: 2, present: 1, stale: 1 });
    expect(target.runs.keys().sort()).toEqual([runs[0], runs[1], runs[2]].map(keyOf).sort());
    for (const r of runs.slice(0, 3))
      expect(readFileSync(join(dir, 'b', 'runs', `${keyOf(r)}.json`), 'utf8')).toBe(readFileSync(join(dir, 'a', 'runs', `${keyOf(r)}.json`), 'utf8'));
    const old = archivedKeys(archive);
    expect(old).toEqual(new Set([...runs.slice(0, 3).map(keyOf), '0'.repeat(32)]));
    expect(exportRuns(source, join(dir, 'added.jsonl.gz'), (r, key) => !old.has(key))).toEqual({ written: 1 });
    expect(archivedKeys(join(dir, 'added.jsonl.gz'))).toEqual(new Set([keyOf(runs[3])]));
    expect(() => importRuns(target, join(dir, 'missing.jsonl.gz'))).toThrow(
      /run archive .*missing.jsonl.gz does not exist; write one with npm run store:export/,
    );
  });
});
