import { backendIdentity } from '../engine/backend/initBackend.js';
import type { AdapterInfo } from '../engine/backend/webgpuBackend.js';
import { defaultProgressSink } from '../engine/train/progress.js';
import type { RunResult } from '../results/runResult.js';
import { runAll } from '../run/runAll.js';
import { defaultStoreRoot, openStore } from '../store/experimentStore.js';
import { armRequests, type ArmsAt } from './armRequests.js';

/**
 * Gets every run of the given arms at a profile (from the store, or trained now in worker
 * processes): `seedsPerArm` seeds of the chosen phase per arm. Arms that share a config share runs.
 * `progressContext` adds to each progress line (the suite's state).
 */
export async function runArms(
  options: ArmsAt & { progressContext?: () => string },
): Promise<{ runs: Readonly<Record<string, readonly RunResult[]>>; backend: string; adapter?: AdapterInfo; tfjsVersion: string }> {
  const store = openStore({ root: defaultStoreRoot() });
  const requests = armRequests(options);
  const sink = defaultProgressSink();
  const { results, backend } = await runAll(requests, {
    store,
    progress: sink ? (l) => sink(`[${options.label}] ${l}`) : undefined,
    progressContext: options.progressContext,
    webgpuSeedsTogether: options.profile.seedsTogether,
  });
  const perArm = requests.length / Object.keys(options.arms).length;
  const runs = Object.fromEntries(Object.keys(options.arms).map((id, a) => [id, results.slice(a * perArm, (a + 1) * perArm)]));
  return { runs, backend: backendIdentity(backend), adapter: backend.adapter, tfjsVersion: backend.tfjsVersion };
}
