import { join, resolve } from 'node:path';
import { writableFolder } from '../primitives/writableFolder.js';
import { readSetting } from '../settings.js';
import { FinalStateStore } from './finalStateStore.js';
import { PrefixCheckpointStore } from './prefixCheckpointStore.js';
import { RunStore } from './runStore.js';

/**
 * Everything stored about runs, under one root folder: finished run results and their locks
 * (`runs/`, `locks/`), shared-prefix checkpoints (`checkpoints/`) and kept final states (`final/`),
 * every file verified on read, damaged ones moved to `quarantine/`.
 * Opened once and passed as one object; a worker process opens the same root.
 */
export interface ExperimentStore {
  readonly root: string;
  readonly runs: RunStore;
  readonly prefixes: PrefixCheckpointStore;
  readonly finalStates: FinalStateStore;
}

/** The default store root: `GST_STORE`, else `.gst-store/` in the working directory. */
export function defaultStoreRoot(): string {
  return resolve(readSetting('GST_STORE'));
}

/**
 * Opens (creating its folders) the store under `root`; a root that is a file or cannot be created is an
 * error naming `GST_STORE`. A complete store may be read-only (nothing is written while nothing trains).
 *
 * @example
 * ```ts
 * const store = openStore({ root: defaultStoreRoot() });
 * store.runs.read(runKey({ config, seed: 1, backend: 'wasm' })); // RunResult | undefined
 * ```
 */
export function openStore(options: { root: string; lockLeaseMs?: number }): ExperimentStore {
  const root = resolve(options.root);
  writableFolder({ path: root, setting: 'GST_STORE' });
  return {
    root,
    runs: new RunStore({ dir: root, leaseMs: options.lockLeaseMs }),
    prefixes: new PrefixCheckpointStore(join(root, 'checkpoints'), join(root, 'quarantine')),
    finalStates: new FinalStateStore(join(root, 'final'), join(root, 'quarantine')),
  };
}
