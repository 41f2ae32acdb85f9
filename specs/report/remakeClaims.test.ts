import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import type { ClaimDefinition } from '../../src/claims/dsl/claimDefinition.js';
import { coreClaim } from '../../src/claims/maps/coreClaim.js';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import type { ClaimsDocument } from '../../src/report/claimsDocument.js';
import { evaluateOnStoredRuns, recordOf, remakeClaim } from '../../src/report/remakeClaims.js';
import { runDesign } from '../../src/claims/design/sequentialDesign.js';
import { writeReports } from '../../src/report/writeReports.js';
import { syntheticContext } from '../support/syntheticClaims.js';
import { seedMatchedArms } from '../support/syntheticRuns.js';

const base = { ...syntheticContext, durationSeconds: 1 };
const runs = seedMatchedArms({
  n: 8,
  seed: 7,
  seedSd: 0.02,
  arms: { none: { stability: [100, 0], best: [0.75, 0.01] }, s1: { stability: [85, 3], best: [0.76, 0.01] }, l13: { stability: [60, 5], best: [0.79, 0.01] } },
});
const order: ClaimDefinition = {
  id: 'accuracy-order',
  title: 'accuracy order',
  paperClaim: 'Claim 2',
  arms: { l13: paperArms.pruneLLarge, s1: paperArms.pruneSSmall, none: paperArms.baseline },
  hypothesis: { kind: 'ordered', metric: 'best', order: ['l13', 's1', 'none'] },
  minEffect: { measure: 'hedges-g', value: 0.5 },
};
const tradeoff: ClaimDefinition = {
  ...order,
  id: 'tradeoff',
  hypothesis: { kind: 'correlation', x: 'stability', y: 'gap', arms: ['none', 's1', 'l13'], sign: 'positive' },
  minEffect: { measure: 'correlation', value: 0.2 },
};

describe('re-making a report from claims.json alone', () => {
  const reports = [order, tradeoff].map((definition) => ({ report: buildClaimReport({ ...base, definition, runs, familySize: 2 }), testPassed: true }));
  const dir = mkdtempSync(join(tmpdir(), 'gst-remake-'));
  writeReports({ dir, reports, durationSeconds: 1 });
  const doc = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as ClaimsDocument;

  it('every verdict, test, effect and p-value is recomputed from the run records the document holds', async () => {
    for (const [i, entry] of doc.claims.entries()) {
      const remade = await remakeClaim(entry);
      const original = reports[i].report;
      expect(JSON.parse(JSON.stringify(remade?.verdicts))).toEqual(JSON.parse(JSON.stringify(original.verdicts)));
      expect(remade?.windowStart).toBe(original.windowStart);
    }
  });

  it('a sequential claim runs its design again over the stored stages, at the boundaries of its family now; where the runs end first it is incomplete', async () => {
    const greater: ClaimDefinition = { ...order, id: 'l13-beats-none', hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'none' } };
    const design = { kind: 'sequential', stageSize: 4, maxSeeds: 16, spending: 'obrien-fleming' } as const;
    const firstFour = Object.fromEntries(Object.entries(runs).map(([arm, r]) => [arm, [...r].sort((x, y) => x.seed - y.seed).slice(0, 4)]));
    const stored = await runDesign({
      design,
      alpha: 0.05,
      familySize: 2,
      evaluate: async (n, critical) => buildClaimReport({ ...base, definition: greater, runs: n <= 4 ? firstFour : runs, familySize: 2, critical }),
    });
    const seqDir = mkdtempSync(join(tmpdir(), 'gst-remake-seq-'));
    writeReports({ dir: seqDir, reports: [{ report: stored, testPassed: true }], durationSeconds: 1 });
    const [entry] = (JSON.parse(readFileSync(join(seqDir, 'claims.json'), 'utf8')) as ClaimsDocument).claims;
    const same = await remakeClaim(entry);
    expect(same?.verdict).toBe(stored.verdict);
    expect(same?.replicateDesign).toEqual(stored.replicateDesign);
    expect(JSON.parse(JSON.stringify(same?.verdicts))).toEqual(JSON.parse(JSON.stringify(stored.verdicts)));
    expect(same?.designPower?.method).toBe('simulation');
    // a family so large that no stage stored decides: the design would go on past the stored 8 seeds
    const strict = await remakeClaim(entry, { familySize: 1e9 });
    expect(strict?.verdict).toBe('not shown');
    expect(strict?.replicateDesign).toMatchObject({ stage: 2, stages: 4, incomplete: true });
    expect(strict?.familySize).toBe(1e9);
  });

  it('any claim can be evaluated on the runs a document holds for its arms (by label)', () => {
    const core = evaluateOnStoredRuns(coreClaim, doc, 1);
    expect(core?.verdicts[0].n).toEqual({ l13: 8, none: 8 });
    expect(core?.verdicts[0].design).toBe('paired');
  });

  it('a layout-1 run (test-accuracy curve only) becomes a record without train or validation accuracy, so its gap claims are not re-made', async () => {
    const v1 = { seed: 3, values: { curvature: 2, 'gradient-second-moment': 1 }, diverged: false, curve: [0.5, 0.6], events: [{ epoch: 1, stability: 80 }] };
    expect(recordOf(v1)).toEqual({
      seed: 3,
      epochs: [
        { epoch: 0, testAccuracy: 0.5 },
        { epoch: 1, testAccuracy: 0.6 },
      ],
      events: v1.events,
      flatness: { curvature: 2, gradientSecondMoment: 1, epsilonFlatness: null },
      diverged: false,
    });
    const entry = doc.claims.find((c) => c.id === 'tradeoff');
    const stripped = entry && {
      ...entry,
      arms: entry.arms.map((a) => ({
        ...a,
        runs: a.runs.map((r) => ({ seed: r.seed, values: r.values, diverged: r.diverged, curve: r.epochs.map((e) => e.testAccuracy), events: r.events })),
      })),
    };
    expect(stripped && (await remakeClaim(stripped as unknown as typeof entry))).toBeUndefined();
  });
});
