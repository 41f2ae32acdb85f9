import { accessSync, constants, mkdirSync, statSync } from 'node:fs';

/**
 * Creates `path` as a folder where missing, or throws an error naming the setting it came from, the
 * value, what is wrong and the fix: a path that is a file, or one that cannot be created. With
 * `write`, a folder that cannot be written is refused too (a store that is complete may be read-only:
 * its readers leave `write` off).
 *
 * @example
 * ```ts
 * writableFolder({ path: 'reports/latest', setting: 'GST_REPORT_DIR', write: true });
 * ```
 */
export function writableFolder(options: { path: string; setting: string; write?: boolean }): void {
  const { path, setting } = options;
  const fix = `set ${setting} to a folder this process can write (it is created where missing)`;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats !== undefined && !stats.isDirectory()) throw new Error(`${setting}=${path} is a file, not a folder; ${fix}`);
  try {
    mkdirSync(path, { recursive: true });
    if (options.write) accessSync(path, constants.W_OK);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`${setting}=${path} cannot be ${stats === undefined ? 'created' : 'written'} (${code ?? message}); ${fix}`);
  }
}
