import { createHash } from 'node:crypto';
import type { Variable } from '../tf.js';

/**
 * SHA-256 over the logical names, shapes and exact float bits of variables: equal hashes mean
 * bit-identical parameters (the determinism tests and the run store use it).
 *
 * @example
 * ```ts
 * hashVariables(net.namedVariables()); // 'f3a1…' (64 hex digits)
 * ```
 */
export function hashVariables(variables: readonly (readonly [string, Variable])[]): string {
  const hash = createHash('sha256');
  for (const [name, v] of variables) {
    hash.update(`${name}:${v.shape.join('x')};`);
    const data = v.dataSync();
    hash.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return hash.digest('hex');
}
