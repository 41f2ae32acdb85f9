/**
 * Confirmation map of the re-calibrated `mini` (runs only with GST_MAP=1 on the confirmation seeds):
 * does the core claim "Prune_L 13% beats no pruning on best test accuracy" (src/claims/maps/coreClaim.ts:
 * paired t on the common window, α = 0.05 over a family of 1, g_av ≥ 0.5) hold around the chosen
 * protocol, over label noise {0.6, 0.4, 0.5, 0.7} × epochs after the last event {9, 19} × width
 * {1, 0.75} (16 points; `mini` is the first value of each dimension)?
 *
 * Fixed before the map first ran (this file's first commit):
 * - Seeds: the confirmation seeds from 301 (never part of a selection; at `mini` itself they give the
 *   confirmation suite's readings, by truncation), under mini's stage size capped at two looks:
 *   stages of 10 seeds per arm up to 20, O'Brien-Fleming spending; a point stops at its first verdict.
 * - Every run is trained 30 epochs (19 after the last event) and each point reads its own length from
 *   it (src/run/truncateRun.ts: bit-identical to training the shorter run).
 * - Every point of the grid is evaluated (coverage), then fast-check shrinks a failing point towards
 *   `mini`'s values: the simplest configuration where the claim is not supported. Nothing is selected.
 */
import { describe, expect, it } from 'vitest';
import { exploreClaimMap } from '../../../src/claims/maps/claimMap.js';
import { coreClaim as claim } from '../../../src/claims/maps/coreClaim.js';
import { miniProtocol } from '../../../src/claims/profiles/miniProfile.js';
import { protocolPointEvaluator } from '../../../src/claims/maps/protocolPointEvaluator.js';
import { activeSeedPhase } from '../../../src/claims/profiles/profileRegistry.js';
import { lastEventEpoch, protocolGrid, type ProtocolSpace } from '../../../src/claims/maps/protocolSpace.js';
import type { SequentialDesign } from '../../../src/claims/design/sequentialDesign.js';
import { defaultProgressSink } from '../../../src/engine/train/progress.js';
import { readSetting } from '../../../src/settings.js';

const space = { labelNoise: [0.6, 0.4, 0.5, 0.7], epochsAfterLastEvent: [9, 19], widthMultiplier: [1, 0.75] } satisfies ProtocolSpace;
const design: SequentialDesign = { kind: 'sequential', stageSize: 10, maxSeeds: 20, spending: 'obrien-fleming' };
const trainEpochs = lastEventEpoch(miniProtocol) + 1 + Math.max(...space.epochsAfterLastEvent);

describe.skipIf(!readSetting('GST_MAP'))('confirmation map of mini: the core claim over noise × length × width, fresh seeds', () => {
  it('mini-confirmation map', async ({ task }) => {
    if (activeSeedPhase() !== 'confirmation')
      throw new Error('GST_SEEDS: a confirmation map runs on fresh seeds only; run it with GST_SEEDS=confirmation (the default)');
    const map = await exploreClaimMap({
      claimId: claim.id,
      space,
      numRuns: protocolGrid(space).length,
      seed: readSetting('GST_FC_SEED'),
      path: readSetting('GST_FC_PATH'),
      protocol: miniProtocol.name,
      seedPhase: activeSeedPhase(),
      evaluate: protocolPointEvaluator({ claim, base: miniProtocol, design, trainEpochs, progress: defaultProgressSink() }),
    });
    task.meta.claimMap = map;
    expect(map.cells.length).toBeGreaterThan(0);
  });
});
