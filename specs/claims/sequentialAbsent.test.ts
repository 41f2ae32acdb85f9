import { describe, expect, it } from 'vitest';
import { bound, design, simulate, trials } from '../support/sequentialTrials.js';

describe(`the mini design (stages of ${design.stageSize} up to ${design.maxSeeds}, ${design.spending}) through the claim decision path, ${trials} sequential trials: absent at the margin`, () => {
  it(
    'absent, and below minimum, at a true effect equal to the margin (g_av = 0.5) each stay within α + 3 SE (arms correlated 0.8; α = 0.05, one claim)',
    { timeout: 900_000 },
    async () => {
      const r = await simulate(2, 0.8, 0.5, 1);
      console.error(`mini design, at the margin, arms correlated 0.8, α = 0.05: ${JSON.stringify(r)}`);
      expect(r.absent).toBeLessThanOrEqual(bound(0.05));
      expect(r.belowMinimum).toBeLessThanOrEqual(bound(0.05));
    },
  );
});
