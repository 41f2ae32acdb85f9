/**
 * Version of everything that can change a run's numbers (engine, kernels, pruning, metrics).
 * Part of every run's store key: bump it when a change alters results, and old cached runs are
 * no longer reused.
 * What each version changed: `CHANGELOG.md` (engine versions).
 */
export const engineVersion = 'gst-engine-4';
