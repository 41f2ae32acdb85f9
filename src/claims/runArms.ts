import { backendIdentity } from '../engine/backend/initBackend.js';
import type { AdapterInfo } from '../engine/backend/webgpuBackend.js';
import { defaultProgressSink } from '../engine/train/progress.js';
import type { RunResult } from '../results/runResult.js';
import { runAll } from '../run/runAll.js';
import { defaultStoreRoot, openStore } from '../store/experimentStore.js';
import { armSeeds, type ArmSpec } from './dsl/armSpec.js';
import type { Profile, SeedPhase } from './profiles/profile.js';

/**
 * Gets every run of the given arms at a profile (from the store, or trained now in worker
 * processes): `seedsPerArm` seeds of the chosen phase per arm. Arms that share a config share runs.
 */
export async function runArms(options: {
  arms: Readonly<Record<string, ArmSpec>>;
  profile: Profile;
  seedsPerArm: number;
  phase: SeedPhase;
  label: string;
}): Promise<{ runs: Readonly<Record<string, readonly RunResult[]>>; backend: string; adapter?: AdapterInfo; tfjsVersion: string }> {
  const store = openStore({ root: defaultStoreRoot() });
  const seeds = options.profile.seeds(options.seedsPerArm, options.phase);
  const entries = Object.entries(options.arms);
  const requests = entries.flatMap(([, arm]) =>
    armSeeds(arm, seeds).map((seed, i) => ({
      config: options.profile.runConfig(arm),
      seed,
      label: `${options.label}: ${arm.label} #${i + 1}`,
      trainEpochs: options.profile.trainEpochs,
    })),
  );
  const sink = defaultProgressSink();
  const { results, backend } = await runAll(requests, { store, progress: sink ? (l) => sink(`[${options.label}] ${l}`) : undefined });
  const runs = Object.fromEntries(entries.map(([id], a) => [id, results.slice(a * seeds.length, (a + 1) * seeds.length)]));
  return { runs, backend: backendIdentity(backend), adapter: backend.adapter, tfjsVersion: backend.tfjsVersion };
}
