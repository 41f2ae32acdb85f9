import { createHash } from 'node:crypto';
import { canonicalJson } from '../primitives/canonicalJson.js';
import { engineVersion } from '../engine/engineVersion.js';
import type { RunConfig } from '../results/runConfig.js';

/** What identifies a run in the store. */
export interface RunIdentity {
  readonly config: RunConfig;
  readonly seed: number;
  /** The backend the run trains on, as `backendIdentity` names it (`wasm`, `cpu`, `tensorflow`, `webgpu:<adapter>`). */
  readonly backend: string;
}

/**
 * Content address of a run: SHA-256 of the canonical JSON of config, seed, backend and engine
 * version (first 32 hex digits).
 *
 * @example
 * ```ts
 * runKey({ config, seed: 1, backend: 'wasm' }); // '3f0c…' (32 hex digits)
 * ```
 */
export function runKey(identity: RunIdentity): string {
  return createHash('sha256')
    .update(canonicalJson({ ...identity, engineVersion }))
    .digest('hex')
    .slice(0, 32);
}
