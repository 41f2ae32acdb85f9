import { describe, expect, it } from 'vitest';
import { miniProfile } from '../../src/claims/profiles/miniProfile.js';
import type { SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { simulateDesign } from '../../src/claims/simulateDesign.js';
import { nullClaims } from '../support/nullTrials.js';

// docs/methods/verdicts.md §8.2, through the claims' decision path with the `mini` design (stages of 10 up to 90)
const design = miniProfile.design as SequentialDesign;
const bound = (level: number, trials: number) => level + 3 * Math.sqrt((level * (1 - level)) / trials);

describe(`under the null, seed-correlated arms, the mini design (${design.stageSize} to ${design.maxSeeds} seeds, ${design.spending})`, () => {
  const trials = 2000;
  for (const [kind, claim] of Object.entries(nullClaims)) {
    it(`${kind} claims: supported and contradicted each at most α + 3 SE (α = 0.05, one claim; ${trials} trials)`, { timeout: 600_000 }, async () => {
      const r = await simulateDesign({ design, alpha: 0.05, familySize: 1, ...claim, trials, seed: 11 });
      const { verdicts: _v, ...shares } = r;
      console.error(`${kind}, null, α = 0.05: ${JSON.stringify(shares)}`);
      expect(r.supported).toBeLessThanOrEqual(bound(0.05, trials));
      expect(r.contradicted).toBeLessThanOrEqual(bound(0.05, trials));
      // a finding in either direction, one shown below the minimum included (§9.1): at most 2α
      expect(r.supported + r.contradicted + r.belowMinimum).toBeLessThanOrEqual(bound(0.1, trials));
    });
  }

  it(
    'a family of 15 null claims (5 of each kind) at α/15: any supported, and any contradicted, each in at most α + 3 SE of the families',
    { timeout: 900_000 },
    async () => {
      const families = 600;
      const perClaim = await Promise.all(
        Object.values(nullClaims).flatMap((claim, kind) =>
          Array.from({ length: 5 }, (_, j) => simulateDesign({ design, alpha: 0.05, familySize: 15, ...claim, trials: families, seed: 1000 + 10 * kind + j })),
        ),
      );
      const any = (verdict: 'supported' | 'contradicted') =>
        Array.from({ length: families }, (_, f) => perClaim.some((c) => c.verdicts[f] === verdict)).filter(Boolean).length / families;
      const [supported, contradicted] = [any('supported'), any('contradicted')];
      console.error(`family of 15 null claims, α = 0.05: any supported ${supported}, any contradicted ${contradicted} (${families} families)`);
      expect(supported).toBeLessThanOrEqual(bound(0.05, families));
      expect(contradicted).toBeLessThanOrEqual(bound(0.05, families));
    },
  );
});
