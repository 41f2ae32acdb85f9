import { createHash } from 'node:crypto';
import type { Variable } from '../tf.js';

/**
 * SHA-256 over the logical names, shapes and exact float bits of variables: equal hashes mean
 * bit-identical parameters (the determinism tests and the run store use it).
 *
 * @example
 * ```ts
 * await hashVariables(net.namedVariables()); // 'f3a1…' (64 hex digits)
 * ```
 */
export async function hashVariables(variables: readonly (readonly [string, Variable])[]): Promise<string> {
  const hash = createHash('sha256');
  const values = await Promise.all(variables.map(([, v]) => v.data()));
  for (const [i, [name, v]] of variables.entries()) {
    hash.update(`${name}:${v.shape.join('x')};`);
    const data = values[i];
    hash.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return hash.digest('hex');
}
