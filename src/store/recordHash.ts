import { createHash } from 'node:crypto';
import { canonicalJson } from '../primitives/canonicalJson.js';

/**
 * The content hash a run record is stored and archived with: SHA-256 of its canonical JSON (hex), so
 * key order and layout do not matter and any changed value does.
 *
 * @example
 * ```ts
 * recordHash({ b: 1, a: 2 }) === recordHash({ a: 2, b: 1 }); // true
 * ```
 */
export function recordHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
