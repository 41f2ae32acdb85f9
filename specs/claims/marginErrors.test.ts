import { describe, expect, it } from 'vitest';
import { miniProfile } from '../../src/claims/profiles/miniProfile.js';
import type { SequentialDesign } from '../../src/claims/design/sequentialDesign.js';
import { simulateDesign } from '../../src/claims/simulateDesign.js';
import { marginClaims } from '../support/nullTrials.js';

// docs/methods/verdicts.md §9.1, through the claims' decision path with the `mini` design (stages of 10 up to 90): at a true effect on the minimum
const design = miniProfile.design as SequentialDesign;
const trials = 1000;
const bound = (level: number) => level + 3 * Math.sqrt((level * (1 - level)) / trials);

describe(`at a true effect equal to the minimum, seed-correlated arms (0.5), the mini design (${design.stageSize} to ${design.maxSeeds} seeds)`, () => {
  for (const [kind, claim] of Object.entries(marginClaims)) {
    it(`${kind} claims: absent and below minimum each at most α + 3 SE (α = 0.05, one claim; ${trials} trials)`, { timeout: 1_800_000 }, async () => {
      const r = await simulateDesign({ design, alpha: 0.05, familySize: 1, ...claim, trials, seed: 21 });
      const { verdicts: _v, ...shares } = r;
      console.error(`${kind}, at the minimum, α = 0.05: ${JSON.stringify(shares)}`);
      expect(r.absent).toBeLessThanOrEqual(bound(0.05));
      expect(r.belowMinimum).toBeLessThanOrEqual(bound(0.05));
    });
  }
});
