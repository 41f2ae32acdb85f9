/**
 * Claim map (runs only with GST_MAP=1): where does "Prune_L 13% beats no pruning on best test
 * accuracy" (paired t on the common window, α = 0.05, g_av ≥ 0.5) hold over label noise × epochs after the last
 * pruning event, at the mini protocol (src/claims/maps/coreClaim.ts)? fast-check explores GST_MAP_BUDGET points (default 6) and
 * shrinks a failure towards the mini protocol's own values (listed first).
 *
 * Run on the calibration seeds (GST_SEEDS=calibration, GST_MAP_BUDGET=15: every point) from the
 * protocol at 20% label noise, it was the calibration of the mini protocol, with this rule fixed
 * before the run: mini takes the point with the largest Hedges' g among those with at most 9 epochs
 * after the last event (the 20-minute suite budget); among points within 0.1 of the best g, the one
 * with the most base values. It chose 40% label noise and 9 epochs (docs/RESULTS.md).
 */
import { describe, expect, it } from 'vitest';
import { exploreClaimMap } from '../../../src/claims/maps/claimMap.js';
import { applyProtocolPoint } from '../../../src/claims/maps/protocolSpace.js';
import { coreClaim as claim } from '../../../src/claims/maps/coreClaim.js';
import { miniV1Protocol } from '../../../src/claims/profiles/miniV1Profile.js';
import { activeSeedPhase } from '../../../src/claims/profiles/profileRegistry.js';
import { profileFromProtocol } from '../../../src/claims/profiles/protocol.js';
import { evaluateClaim } from '../../../src/claims/evaluateClaim.js';
import { readSetting } from '../../../src/settings.js';

describe.skipIf(!readSetting('GST_MAP'))('claim map: Prune_L beats no pruning over label noise × schedule length', () => {
  it('prune-l-beats-baseline map', async ({ task }) => {
    const map = await exploreClaimMap({
      claimId: claim.id,
      space: { labelNoise: [0.4, 0, 0.1, 0.2, 0.3], epochsAfterLastEvent: [9, 5, 19] },
      numRuns: readSetting('GST_MAP_BUDGET'),
      seed: readSetting('GST_FC_SEED'),
      path: readSetting('GST_FC_PATH'),
      protocol: miniV1Protocol.name,
      seedPhase: activeSeedPhase(),
      evaluate: async (point) => {
        const report = await evaluateClaim(claim, { profile: profileFromProtocol(applyProtocolPoint(miniV1Protocol, point)) });
        return { verdict: report.verdict, effect: report.verdicts[0].main.effect.value };
      },
    });
    task.meta.claimMap = map;
    expect(map.cells.length).toBeGreaterThan(0);
  });
});
