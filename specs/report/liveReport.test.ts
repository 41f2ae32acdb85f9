import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import { writeLiveClaim } from '../../src/claims/runner/liveClaims.js';
import type { ClaimsDocument } from '../../src/report/claimsDocument.js';
import ClaimsReporter from '../../src/report/claimsReporter.js';
import { writeLiveReport } from '../../src/report/liveReport.js';
import { lBeatsNone, syntheticContext } from '../support/syntheticClaims.js';
import { syntheticArm } from '../support/syntheticRuns.js';

const decided = buildClaimReport({
  ...syntheticContext,
  definition: lBeatsNone,
  runs: {
    l13: syntheticArm({ n: 10, seed: 1, stability: [90, 3], best: [0.8, 0.01] }),
    none: syntheticArm({ n: 10, seed: 2, stability: [90, 3], best: [0.75, 0.01] }),
  },
  familySize: 1,
});
const interim = buildClaimReport({
  ...syntheticContext,
  definition: { ...lBeatsNone, id: 'still-open', title: 'still open' },
  runs: {
    l13: syntheticArm({ n: 10, seed: 3, stability: [90, 3], best: [0.76, 0.02] }),
    none: syntheticArm({ n: 10, seed: 4, stability: [90, 3], best: [0.75, 0.02] }),
  },
  familySize: 1,
});

/** A report folder with one decided claim and one open after stage 1 of 9, as a running suite leaves them. */
function runningSuite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gst-live-'));
  vi.stubEnv('GST_REPORT_DIR', dir);
  writeLiveClaim({ state: 'decided', specPath: undefined, report: decided, testPassed: true });
  writeLiveClaim({ state: 'open', specPath: undefined, report: interim, stage: { stage: 1, stages: 9, seedsPerArm: 10, conditionalPower: 0.42 } });
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('the live report (while the suite runs)', () => {
  it('shows the claims decided so far with their verdicts, and the open ones with their stage and interim effect', () => {
    const dir = runningSuite();
    expect(writeLiveReport({ dir, elapsedSeconds: 300 })).toEqual({ decided: 1, open: 1 });
    const doc = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as ClaimsDocument;
    expect(doc.claims.map((c) => [c.id, c.verdict])).toEqual([['l-beats-none', decided.verdict]]);
    expect(doc.live?.open.map((c) => [c.id, c.stage, c.stages, c.seedsPerArm])).toEqual([['still-open', 1, 9, 10]]);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('1 claim decided, 1 open after a stage, 5m00s so far');
    expect(html).toContain('<td>still-open</td><td>still open</td><td>stage 1 of 9 (10 seeds per arm)</td>');
    expect(html).toContain('<th>conditional power at min.</th>');
    expect(html).toContain('<td>0.42</td>');
    expect(html).toContain(`<td class="verdict ${decided.verdict.replace(' ', '-')}">${decided.verdict}</td>`);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/## Running[\s\S]*\| still-open \| stage 1 of 9/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('is rewritten by the claims reporter while the suite runs, and replaced by the final report (no live part, live/ removed) at its end', () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(join(tmpdir(), 'gst-live-'));
    vi.stubEnv('GST_REPORT_DIR', dir);
    const reporter = new ClaimsReporter();
    void reporter.onTestRunStart([]);
    writeLiveClaim({ state: 'decided', specPath: undefined, report: decided, testPassed: true });
    writeLiveClaim({ state: 'open', specPath: undefined, report: interim, stage: { stage: 1, stages: 9, seedsPerArm: 10, conditionalPower: 0.42 } });
    vi.advanceTimersByTime(3_000);
    expect((JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as ClaimsDocument).live?.decided).toBe(1);
    reporter.onTestCaseResult({ meta: () => ({ claim: decided }), result: () => ({ state: 'passed' }) } as never);
    reporter.onTestRunEnd();
    const final = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as ClaimsDocument;
    expect(final.live).toBeUndefined();
    expect(final.claims.map((c) => c.id)).toEqual(['l-beats-none']);
    expect(existsSync(join(dir, 'live'))).toBe(false);
  });
});
