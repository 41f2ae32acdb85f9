import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import { miniProfile } from '../../src/claims/profiles/miniProfile.js';
import { readSuiteStatus, writeSuitePlan } from '../../src/claims/runner/suiteFiles.js';
import { planSuite, type SuitePlan } from '../../src/claims/runner/suitePlan.js';
import { measureSuite, suiteProgressText } from '../../src/claims/runner/suiteStatus.js';
import { trainedRequest } from '../../src/run/trainedRequest.js';
import type { ExperimentStore } from '../../src/store/experimentStore.js';
import { runKey } from '../../src/store/runKey.js';

const claim = (id: string, arms: Record<string, (typeof paperArms)[keyof typeof paperArms]>) => ({
  file: `${id}.spec.ts`,
  claim: { kind: 'claim' as const, definition: { id, arms } as never },
});

/** A store that holds exactly `stored` (run keys). */
const storeOf = (stored: Set<string>) => ({ runs: { has: (k: string) => stored.has(k) }, finalStates: { has: () => false } }) as unknown as ExperimentStore;

const keyOf = (plan: SuitePlan, [c, seed]: readonly [number, number]) =>
  runKey({ config: trainedRequest({ ...plan.configs[c], seed, label: '' }).config, seed, backend: 'wasm' });

describe("the suite's status", () => {
  const startedAt = new Date('2026-12-05T08:00:00Z');
  // a: Prune_S vs none; b: Prune_L vs none (the arm none is shared), 9 looks of 10 seeds each at mini
  const plan = planSuite(
    { claims: [claim('a', { s: paperArms.pruneSLarge, n: paperArms.baseline }), claim('b', { l: paperArms.pruneLLarge, n: paperArms.baseline })], unread: [] },
    { profile: miniProfile, seedPhase: 'confirmation', fcSeed: 1, startedAt },
  );

  it('counts the runs trained since the start and the most runs the claims not decided still need', () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'gst-suite-'));
    writeSuitePlan(reportDir, plan);
    const stored = new Set<string>();
    const store = storeOf(stored);
    const start = measureSuite({ reportDir, plan, store, backend: 'wasm', now: startedAt });
    // 90 seeds × (Prune_S, none, Prune_L): none is planned once
    expect(start).toMatchObject({ claims: 2, decided: 0, trainedRuns: 0, atMostRuns: 270, toDoAtStart: 270 });
    expect(start.secondsPerRun).toBeUndefined();

    // a's first look (20 runs) is trained and a is decided: b's 180 runs less its 10 seeds of none are left
    for (const run of plan.claims[0].stages[0].runs) stored.add(keyOf(plan, run));
    mkdirSync(join(reportDir, 'live'), { recursive: true });
    writeFileSync(join(reportDir, 'live', 'a.json'), JSON.stringify({ state: 'decided', report: { id: 'a' } }));
    const later = measureSuite({ reportDir, plan, store, backend: 'wasm', now: new Date(startedAt.getTime() + 100_000) });
    expect(later).toMatchObject({ decided: 1, trainedRuns: 20, atMostRuns: 170, elapsedSeconds: 100, secondsPerRun: 5, toDoAtStart: 270 });
    expect(readSuiteStatus(reportDir)).toEqual(later);
    expect(suiteProgressText(later)).toBe('suite: 1/2 claims decided, 20 runs trained in 1m40s, at most 170 to go (≤ 14m10s at 5.0 s a run)');
  });

  it('has no status of an earlier suite', () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'gst-suite-'));
    writeSuitePlan(reportDir, plan);
    measureSuite({ reportDir, plan, store: storeOf(new Set()), backend: 'wasm', now: startedAt });
    writeSuitePlan(reportDir, { ...plan, startedAt: '2026-12-05T09:00:00.000Z' });
    expect(readSuiteStatus(reportDir)).toBeUndefined();
  });
});
