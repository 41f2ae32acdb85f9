import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder whose name ends in one of `extensions` (build outputs left out). */
export function sourceFiles(dir: string, extensions: readonly string[] = ['.ts']): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'build' || name === 'node_modules' ? [] : sourceFiles(path, extensions);
    return extensions.some((e) => path.endsWith(e)) ? [path] : [];
  });
}
