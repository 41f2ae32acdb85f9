import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperArms, withFlatness } from '../claims/dsl/paperArms.js';
import { ciProfile } from '../claims/profiles/ciProfile.js';
import { runAll } from '../run/runAll.js';
import { openStore } from '../store/experimentStore.js';

/** The scheduler's work-sharing levers, each on or off. */
export interface SharingLevers {
  readonly prefixCheckpoints: boolean;
  readonly finalStates: boolean;
}

/**
 * Wall-clock seconds to get one seed of every run the suite needs at the `ci` profile (every paper
 * arm, and the flatness arms of claim 10) from an empty store, in one worker process, with the
 * work-sharing levers as given: the scheduler levers of `npm run bench -- --levers`.
 */
export async function measureSuiteSlice(options: { levers: SharingLevers; seed: number }): Promise<{ runs: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'gst-bench-store-'));
  const arms = [...Object.values(paperArms), ...[paperArms.baseline, paperArms.pruneSSmall, paperArms.pruneLLarge].map(withFlatness)];
  const requests = arms.map((arm) => ({ config: ciProfile.runConfig(arm), seed: options.seed, label: arm.label }));
  const start = performance.now();
  try {
    await runAll(requests, { store: openStore({ root: dir }), workers: 1, ...options.levers });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs: requests.length, seconds: (performance.now() - start) / 1000 };
}
