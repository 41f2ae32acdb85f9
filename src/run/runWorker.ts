/**
 * Child process that executes jobs for the scheduler: receives `{ id, jobs, storeRoot }`, opens the
 * store under that root (once), answers `{ id, results }` or `{ id, error }`, and forwards progress
 * as `{ id, progress }`.
 */
import { openStore, type ExperimentStore } from '../store/experimentStore.js';
import { executeJobs } from './executeJobs.js';
import type { WorkerReply, WorkerRequest } from './workerPool.js';

const send = (reply: WorkerReply) => process.send?.(reply);
const stores = new Map<string, ExperimentStore>();

process.on('message', (message: WorkerRequest) => {
  const store = stores.get(message.storeRoot) ?? openStore({ root: message.storeRoot });
  stores.set(message.storeRoot, store);
  executeJobs(message.jobs, { store, progress: (line) => send({ id: message.id, progress: line }) })
    .then((results) => send({ id: message.id, results }))
    .catch((error: unknown) => send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
process.on('disconnect', () => process.exit(0));
