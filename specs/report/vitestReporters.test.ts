import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { environmentWith } from '../../src/settings.js';
import { withoutProvenance } from '../support/withoutProvenance.js';

const run = promisify(execFile);
const coreClaims = ['specs/tradeoff/01-stability-order.spec.ts', 'specs/tradeoff/02-accuracy-order.spec.ts', 'specs/tradeoff/03-tradeoff-correlation.spec.ts'];
/** The core claims at `ci`, reading the store `npm run test:core-claims` fills (training what is missing), into `report`. */
const vitest = (args: readonly string[], report: string) =>
  run('npx', ['vitest', 'run', '--project', 'tradeoff', ...args], {
    env: environmentWith({ GST_PROFILE: 'ci', GST_BACKEND: 'wasm', GST_STORE: resolve('.gst-store'), GST_REPORT_DIR: report, GST_PROGRESS: '0' }),
    maxBuffer: 64 * 2 ** 20,
  });

describe("vitest's own reporters, on the core claims at ci (the runs npm run test:core-claims stored)", () => {
  it(
    "carry each claim's verdict line as an annotation (junit.xml: <properties>), and shards merged as the nightly merges them give the report of one run",
    { timeout: 900_000 },
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'gst-reporters-'));
      const junit = join(root, 'vitest-junit.xml');
      const whole = join(root, 'whole');
      await vitest([...coreClaims, '--reporter=junit', `--outputFile.junit=${junit}`, '--reporter=./src/report/claimsReporter.ts'], whole);
      const xml = readFileSync(junit, 'utf8');
      expect(xml).toMatch(
        /<properties>\s*<property name="notice" value="stability-order: [a-z ]+ on &apos;stability&apos; \[\d\/3 steps supported[^"]*\] \(paired, page&apos;s L: p = /,
      );
      expect(xml.match(/<property name="notice" value="[a-z-]+: /g)).toHaveLength(4);
      const blobs = join(root, 'blobs');
      for (const shard of ['1/2', '2/2'])
        await vitest(
          [...coreClaims, `--shard=${shard}`, '--reporter=blob', `--outputFile.blob=${join(blobs, `blob-${shard.replace('/', '-')}.json`)}`],
          join(root, 'unused'),
        );
      const merged = join(root, 'merged');
      await run('npx', ['vitest', '--merge-reports', blobs, '--reporter=./src/report/claimsReporter.ts'], {
        env: environmentWith({ GST_PROFILE: 'ci', GST_REPORT_DIR: merged, GST_PROGRESS: '0' }),
      });
      const mergedDoc = withoutProvenance(join(merged, 'claims.json')) as { claims: unknown[] };
      expect(mergedDoc.claims).toHaveLength(4);
      expect(mergedDoc).toEqual(withoutProvenance(join(whole, 'claims.json')));
    },
  );
});
