import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then
 * renamed over the target, so a reader (or a crash) never sees a half-written file.
 *
 * @example
 * ```ts
 * writeFileAtomic('reports/latest/summary.md', '# Claims\n');
 * ```
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

/** {@link writeFileAtomic} of pretty-printed JSON with a trailing newline. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The JSON another process writes with {@link writeJsonAtomic}; undefined while the file is missing or
 * unreadable (replaced between the look and the read), so a reader looks again later.
 *
 * @example
 * ```ts
 * readJsonIfThere<SuitePlan>('reports/latest/live/suite/plan.json'); // undefined outside a suite
 * ```
 */
export function readJsonIfThere<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
