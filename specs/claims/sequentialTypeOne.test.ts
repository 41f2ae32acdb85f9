import { describe, expect, it } from 'vitest';
import { bound, design, simulate, trials } from '../support/sequentialTrials.js';

describe(`the mini design (stages of ${design.stageSize} up to ${design.maxSeeds}, ${design.spending}) through the claim decision path, ${trials} sequential trials: type I error`, () => {
  it('supported and contradicted under the null stay within α + 3 SE (arms correlated 0.5; α = 0.05, one claim)', { timeout: 900_000 }, async () => {
    const r = await simulate(1, 0.5, 0, 1);
    console.error(`mini design, null, arms correlated 0.5, α = 0.05: ${JSON.stringify(r)}`);
    expect(r.supported).toBeLessThanOrEqual(bound(0.05));
    expect(r.contradicted).toBeLessThanOrEqual(bound(0.05));
  });
});
