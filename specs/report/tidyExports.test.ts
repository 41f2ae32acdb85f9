import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import type { ClaimDefinition } from '../../src/claims/dsl/claimDefinition.js';
import { writeReports } from '../../src/report/writeReports.js';
import { noneS1L13Order, noneS1L13Tradeoff, syntheticContext } from '../support/syntheticClaims.js';
import { seedMatchedArms } from '../support/syntheticRuns.js';

const runs = seedMatchedArms({
  n: 8,
  seed: 4,
  seedSd: 0.01,
  arms: { none: { stability: [100, 0], best: [0.75, 0.01] }, s1: { stability: [85, 3], best: [0.76, 0.01] }, l13: { stability: [60, 5], best: [0.79, 0.01] } },
});
// one of them diverged: it has no readings, so it has no rows
runs.s1[3] = { ...runs.s1[3], diverged: { epoch: 2, step: 5 } };
// a title with a comma: quoted in the CSV
const order: ClaimDefinition = { ...noneS1L13Order, title: 'stability, order' };
const tradeoff = noneS1L13Tradeoff;
const dir = mkdtempSync(join(tmpdir(), 'gst-tidy-'));
const reports = [order, tradeoff].map((definition) => ({
  report: buildClaimReport({ ...syntheticContext, definition, runs, familySize: 2 }),
  testPassed: true,
}));
const { doc } = writeReports({ dir, reports, durationSeconds: 1 });
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** A CSV of the exports' dialect (RFC 4180 quoting) as rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== ',' && ch !== '\n')) cell += ch;
    else {
      row.push(cell);
      cell = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
}

describe('the tidy exports', () => {
  it('runs.csv holds every value of claims.json once, one row each (claim, arm, label, config key, seed, stage, metric, value)', () => {
    const [header, ...rows] = parseCsv(read('runs.csv'));
    expect(header).toEqual(['claim', 'arm', 'arm_label', 'config_key', 'seed', 'stage', 'metric', 'value']);
    const expected = doc.claims.flatMap((c) =>
      c.arms.flatMap((a) =>
        a.runs.flatMap((r) =>
          Object.entries(r.values)
            .filter(([, v]) => v !== null)
            .map(([metric, v]) => [c.id, a.id, a.label, a.configKey ?? '', String(r.seed), '1', metric, String(v)]),
        ),
      ),
    );
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r[1] === 's1' && r[4] === String(runs.s1[3].seed))).toEqual([]);
    expect(new Set(rows.filter((r) => r[1] === 'l13').map((r) => r[3])).size).toBe(1); // one configuration per arm
    expect(rows.find((r) => r[1] === 'l13')?.[3]).toMatch(/^[0-9a-f]{16}$/);
  });

  it('each claim has a pivot of its deciding reading, seeds as rows and arms as columns', () => {
    for (const claim of doc.claims) {
      const [header, ...rows] = parseCsv(read(`pivots/${claim.id}.csv`));
      expect(header).toEqual(['replicate', 'seed', ...claim.arms.map((a) => a.id)]);
      expect(rows).toHaveLength(8);
      claim.arms.forEach((arm, a) => arm.runs.forEach((run, i) => expect(rows[i][2 + a]).toBe(String(run.values[claim.decidingMetric] ?? ''))));
    }
  });

  it('metrics.json and params.yaml carry the values of claims.json, as DVC reads them (JSON; YAML whose values are JSON scalars)', () => {
    const metrics = JSON.parse(read('metrics.json')) as {
      claims: Record<string, { verdict: string; effect: { value: number; lower: number; upper: number } }>;
    };
    for (const c of doc.claims) {
      const e = c.verdicts[0].decision.effect;
      expect(metrics.claims[c.id]).toMatchObject({
        verdict: c.verdict,
        reading: c.verdicts[0].metric,
        effect: { value: e.value, lower: e.ci.lower, upper: e.ci.upper },
      });
    }
    const params = Object.fromEntries(
      read('params.yaml')
        .trimEnd()
        .split('\n')
        .map((line) => {
          const [, key, value] = /^([a-z]+): (.*)$/.exec(line) ?? [];
          return [key, JSON.parse(value) as unknown];
        }),
    );
    expect(params).toEqual({ profile: 'synthetic', seeds: 'confirmation', backend: 'cpu', commit: doc.gitCommit });
  });

  it.skipIf(!hasPyYaml())(
    `params.yaml parses as YAML${hasPyYaml() ? '' : ' (skipped: python3 with PyYAML is not installed; apt-get install python3-yaml)'}`,
    () => {
      const parsed = execFileSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', join(dir, 'params.yaml')], {
        encoding: 'utf8',
      });
      expect(JSON.parse(parsed)).toEqual({ profile: 'synthetic', seeds: 'confirmation', backend: 'cpu', commit: doc.gitCommit });
    },
  );
});

function hasPyYaml(): boolean {
  try {
    execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
