import { createHash } from 'node:crypto';
import { canonicalJson } from '../primitives/canonicalJson.js';
import { engineVersion } from '../engine/engineVersion.js';
import type { RunConfig } from '../results/runConfig.js';

/**
 * The key of a run configuration, the same for every seed and backend: SHA-256 of the canonical JSON
 * of the config and the engine version (first 16 hex digits); the arms of exported tables name their
 * configuration by it.
 *
 * @example
 * ```ts
 * configKey(config); // '9c1e…' (16 hex digits)
 * ```
 */
export function configKey(config: RunConfig): string {
  return createHash('sha256').update(canonicalJson({ config, engineVersion })).digest('hex').slice(0, 16);
}
