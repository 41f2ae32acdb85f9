import type { BackendInfo } from '../engine/backend/initBackend.js';
import { canonicalJson } from '../primitives/canonicalJson.js';
import { tracksActivations } from '../pruning/inertEpochs.js';
import { readSetting } from '../settings.js';
import type { ExperimentStore } from '../store/experimentStore.js';
import { prefixKey } from '../store/prefixKey.js';
import type { RunJob } from './runJob.js';

/**
 * How many runs of one training config train together as one ensemble (each with its result alone):
 * `GST_SEEDS_TOGETHER`, else `webgpuDefault` (the profile's) on webgpu, else 1 (on the CPU backends
 * the share of a step outside kernels is too small for ensembles to pay; docs/PERFORMANCE.md).
 */
export function seedsTogether(backend: BackendInfo, webgpuDefault = 1): number {
  return readSetting('GST_SEEDS_TOGETHER') ?? (backend.name === 'webgpu' ? webgpuDefault : 1);
}

/** Whether a job may train in an ensemble: it trains (no twin to measure on) and observes nothing. */
function trainsTogether(job: RunJob): boolean {
  return job.twinKey === undefined && !tracksActivations(job.config.pruning);
}

const familyOf = (job: RunJob) => prefixKey({ train: job.config.train, seed: job.seed, backend: job.backend });

/**
 * The queued jobs that train with `job` (which this process holds), up to `together` in all: of its
 * training config, each of another prefix family (one of a family then stores the prefix the others
 * continue from), not stored, and locked here. They leave the queue.
 *
 * @example
 * ```ts
 * const group = [job, ...companions(job, queue, 8, store)];
 * ```
 */
export function companions(job: RunJob, queue: RunJob[], together: number, store: ExperimentStore): RunJob[] {
  if (together === 1 || !trainsTogether(job)) return [];
  const train = canonicalJson(job.config.train);
  const families = new Set([familyOf(job)]);
  const group: RunJob[] = [];
  for (const other of [...queue]) {
    if (group.length + 1 >= together) break;
    if (!trainsTogether(other) || canonicalJson(other.config.train) !== train || families.has(familyOf(other)) || store.runs.has(other.key)) continue;
    if (!store.runs.tryLock(other.key)) continue;
    queue.splice(queue.indexOf(other), 1);
    families.add(familyOf(other));
    group.push(other);
  }
  return group;
}
