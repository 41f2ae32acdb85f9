import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperArms } from '../claims/paperArms.js';
import { ciProfile } from '../claims/profiles/miniProfile.js';
import { initBackend } from '../engine/backend/initBackend.js';
import { runAll } from '../experiment/runScheduler.js';
import { RunStore } from '../experiment/runStore.js';

/**
 * Wall-clock seconds to train one seed of every paper arm at the `ci` profile from an empty store,
 * in one worker process, with or without shared-prefix checkpoints: the prefix-sharing lever of
 * `npm run bench -- --levers`.
 */
export async function measureSuiteSlice(options: { prefixCheckpoints: boolean; seed: number }): Promise<{ runs: number; seconds: number }> {
  const backend = await initBackend();
  const dir = mkdtempSync(join(tmpdir(), 'gst-bench-store-'));
  const requests = Object.values(paperArms).map((arm) => ({ config: ciProfile.runConfig(arm), seed: options.seed, label: arm.label }));
  const start = performance.now();
  try {
    await runAll(requests, { store: new RunStore({ dir }), backend: backend.name, workers: 1, prefixCheckpoints: options.prefixCheckpoints });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs: requests.length, seconds: (performance.now() - start) / 1000 };
}
