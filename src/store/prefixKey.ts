import { createHash } from 'node:crypto';
import { engineVersion } from '../engine/engineVersion.js';
import type { TrainConfig } from '../engine/train/trainConfig.js';
import { canonicalJson } from '../primitives/canonicalJson.js';

/** What identifies a family of shared prefixes: the training config (its length aside), seed and backend. */
export interface PrefixIdentity {
  readonly train: TrainConfig;
  readonly seed: number;
  readonly backend: string;
}

/**
 * Content address of a prefix family: SHA-256 of the canonical JSON of the training config without
 * its `epochs` (a prefix does not depend on how long the run goes on), seed, backend and engine
 * version (first 32 hex digits).
 *
 * @example
 * ```ts
 * prefixKey({ train: config.train, seed: 1, backend: 'wasm' }); // '9b1e…' (32 hex digits)
 * ```
 */
export function prefixKey(identity: PrefixIdentity): string {
  const train: Partial<TrainConfig> = { ...identity.train, epochs: undefined };
  return createHash('sha256')
    .update(canonicalJson({ train, seed: identity.seed, backend: identity.backend, engineVersion }))
    .digest('hex')
    .slice(0, 32);
}
