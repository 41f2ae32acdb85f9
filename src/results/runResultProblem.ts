import { runResultVersion } from './runResult.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * What is wrong with a value read as a stored {@link RunResult}, in a few words, or undefined when it
 * has the shape every reader relies on: this layout's version, a config with training and pruning, a
 * seed, a backend, epochs and events with their numbers, parameters and timings.
 *
 * @example
 * ```ts
 * runResultProblem({}); // 'version is missing (this layout is 2)'
 * ```
 */
export function runResultProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (value.version !== runResultVersion)
    return `version is ${value.version === undefined ? 'missing' : JSON.stringify(value.version)} (this layout is ${runResultVersion})`;
  const config = value.config;
  if (!isObject(config) || !isObject(config.train) || !isObject(config.pruning)) return 'config (train, pruning) is missing';
  if (!Number.isInteger(value.seed) || (value.seed as number) < 0) return 'seed is not an integer ≥ 0';
  if (!isObject(value.backend) || typeof value.backend.name !== 'string') return 'backend is missing';
  if (!Array.isArray(value.epochs)) return 'epochs is not a list';
  const epoch = value.epochs.findIndex((e: unknown) => !isObject(e) || !isNumber(e.epoch) || !isNumber(e.testAccuracy));
  if (epoch >= 0) return `epochs[${epoch}] has no epoch or test accuracy`;
  if (!Array.isArray(value.events)) return 'events is not a list';
  const event = value.events.findIndex((e: unknown) => !isObject(e) || !isNumber(e.epoch) || !isNumber(e.stability));
  if (event >= 0) return `events[${event}] has no epoch or stability`;
  if (!isObject(value.parameters) || !isNumber(value.parameters.total)) return 'parameters is missing';
  if (!isNumber(value.wallSeconds) || !isNumber(value.examplesPerSecond)) return 'timings are missing';
  return undefined;
}
