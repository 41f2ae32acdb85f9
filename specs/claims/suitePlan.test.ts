import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { armRequests } from '../../src/claims/armRequests.js';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import { miniProfile } from '../../src/claims/profiles/miniProfile.js';
import { collectClaims } from '../../src/claims/runner/claimCollector.js';
import { claimFileOrder } from '../../src/claims/runner/claimSequencer.js';
import { planSuite } from '../../src/claims/runner/suitePlan.js';

const folder = resolve('specs/tradeoff');
const claimFiles = readdirSync(folder)
  .filter((f) => f.endsWith('.spec.ts'))
  .map((f) => join(folder, f));
const settings = { profile: miniProfile, seedPhase: 'confirmation' as const, fcSeed: 20261127, startedAt: new Date(0) };

describe("the suite's plan", () => {
  it('collects the claims of the spec files without registering tests, and names the files it cannot read', async () => {
    const collected = await collectClaims([...claimFiles, join(folder, 'maps/prune-l-beats-baseline.map.spec.ts')]);
    expect(collected.claims.map((c) => c.claim.definition.id)).toContain('prune-s-unstable');
    expect(collected.claims).toHaveLength(15);
    expect(collected.claims.filter((c) => c.claim.kind === 'property').map((c) => c.claim.definition.id)).toEqual(['rate-stability']);
    expect(collected.unread).toEqual([
      { file: join(folder, 'maps/prune-l-beats-baseline.map.spec.ts'), why: expect.stringMatching(/registers its tests itself/), failed: true },
    ]);
    // a second collection in the same process reads the files again
    expect((await collectClaims(claimFiles.slice(0, 1))).claims).toHaveLength(1);
  });

  it('plans every stage of every claim, each run once per claim, the new runs of each look in order', async () => {
    const collected = await collectClaims(claimFiles);
    const plan = planSuite(collected, settings);
    const claim = plan.claims.find((c) => c.id === 'prune-s-unstable');
    expect(claim?.stages.map((s) => s.seedsPerArm)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(claim?.stages.map((s) => s.runs.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    for (const c of plan.claims) {
      const runs = c.stages.flatMap((s) => s.runs.map((r) => r.join(':')));
      expect(new Set(runs).size, c.id).toBe(runs.length);
    }
    // the first look of stability-order is its arms at 10 seeds: the requests runArms makes
    const first = plan.claims.find((c) => c.id === 'stability-order')?.stages[0];
    const declared = collected.claims.find((c) => c.claim.definition.id === 'stability-order')?.claim;
    const arms = declared?.kind === 'claim' ? declared.definition.arms : {};
    const requests = armRequests({ arms, profile: miniProfile, seedsPerArm: 10, phase: 'confirmation', label: 'x' });
    expect(requests).toHaveLength(40);
    expect(first?.runs.map(([c, seed]) => ({ config: plan.configs[c].config, seed }))).toEqual(requests.map((r) => ({ config: r.config, seed: r.seed })));
  });

  it("plans a property claim at the points fast-check's check visits first, with the same seed", async () => {
    const space = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })).filter(([i, j]) => i < j);
    for (const seed of [20261127, 1, 42]) {
      const visited: [number, number][] = [];
      await fc.check(
        fc.asyncProperty(space, async (v) => {
          visited.push(v);
          return true;
        }),
        { seed, numRuns: 4 },
      );
      const planned: [number, number][] = [];
      const claimAt = ([i, j]: [number, number]) => {
        planned.push([i, j]);
        return { id: `p-${i}-${j}`, arms: { a: { ...paperArms.baseline, label: `a${i}` }, b: { ...paperArms.baseline, label: `b${j}` } } };
      };
      const plan = planSuite(
        {
          claims: [
            { file: 'f', claim: { kind: 'property', definition: { id: 'p', title: 'p', paperClaim: 'p', space: () => space, claimAt, numRuns: 4 } as never } },
          ],
          unread: [],
        },
        { ...settings, fcSeed: seed },
      );
      expect(planned).toEqual(visited);
      expect(plan.claims[0].stages).toHaveLength(4 * 9);
    }
  });

  it('orders the claim files by the runs before their first look, then by path; files outside the plan last', async () => {
    const files = ['01-stability-order.spec.ts', '06-prune-s-unstable.spec.ts', '04-rate-stability.spec.ts', 'maps/x.map.spec.ts'].map((f) => join(folder, f));
    const plan = planSuite(await collectClaims(files.slice(0, 3)), settings);
    expect(claimFileOrder(plan, files).map((f) => f.slice(folder.length + 1))).toEqual([
      '06-prune-s-unstable.spec.ts',
      '04-rate-stability.spec.ts',
      '01-stability-order.spec.ts',
      'maps/x.map.spec.ts',
    ]);
    expect(claimFileOrder(undefined, files)).toEqual([...files].sort());
  });
});
