import type { RunRequest } from './runJob.js';
import { truncationObstacle } from './truncateRun.js';

/**
 * The run to train for a request: itself, or the longer run its `trainEpochs` asks to read it from.
 *
 * @example
 * ```ts
 * trainedRequest({ config, seed: 1, label: 'a', trainEpochs: 30 }).config.train.epochs; // 30
 * ```
 */
export function trainedRequest(request: RunRequest): RunRequest {
  const { trainEpochs, config } = request;
  if (trainEpochs === undefined || trainEpochs === config.train.epochs) return request;
  if (!Number.isInteger(trainEpochs) || trainEpochs < config.train.epochs)
    throw new Error(`trainEpochs: ${trainEpochs} is not allowed for ${request.label}; use an integer ≥ its train.epochs (${config.train.epochs})`);
  const obstacle = truncationObstacle(config);
  if (obstacle !== undefined) throw new Error(`trainEpochs: ${request.label} cannot be read from a longer run: ${obstacle}`);
  return { config: { ...config, train: { ...config.train, epochs: trainEpochs } }, seed: request.seed, label: request.label };
}
