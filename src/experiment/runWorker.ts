/**
 * Child process that trains runs for the scheduler: receives `{ id, config, seed, label }`,
 * answers `{ id, result }` or `{ id, error }`, and forwards epoch progress as `{ id, progress }`.
 */
import { executeRun } from './executeRun.js';
import { FinalStateStore } from './finalStateStore.js';
import { PrefixCheckpointStore } from './prefixCheckpointStore.js';
import type { WorkerRequest, WorkerReply } from './workerProtocol.js';

const send = (reply: WorkerReply) => process.send?.(reply);

process.on('message', (message: WorkerRequest) => {
  executeRun({
    config: message.config,
    seed: message.seed,
    label: message.label,
    checkpoints: message.checkpointDir === undefined ? undefined : new PrefixCheckpointStore(message.checkpointDir),
    prefixPoints: message.prefixPoints,
    keepFinalState: message.keepFinalState && { ...message.keepFinalState, store: new FinalStateStore(message.keepFinalState.dir) },
    measureAfter: message.measureAfter && { ...message.measureAfter, store: new FinalStateStore(message.measureAfter.dir) },
    progress: (line) => send({ id: message.id, progress: line }) })
    .then((result) => send({ id: message.id, result }))
    .catch((error: unknown) => send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
process.on('disconnect', () => process.exit(0));
