import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Moves a damaged stored file aside to `<quarantineDir>/<name>.<time><ext>` and says so in one warning
 * line naming the file (as `shownAs`), why, and what happens next; nothing damaged is used or deleted.
 *
 * @example
 * ```ts
 * quarantine({ path, quarantineDir: '.gst-store/quarantine', shownAs: 'runs/3f0c….json', reason: 'it does not parse', next: 'its run will be trained again' });
 * ```
 */
export function quarantine(options: { path: string; quarantineDir: string; shownAs: string; reason: string; next: string }): void {
  const { path, quarantineDir, shownAs, reason, next } = options;
  if (!existsSync(path)) return;
  const name = basename(path);
  const dot = name.indexOf('.');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(quarantineDir, dot < 0 ? `${name}.${stamp}` : `${name.slice(0, dot)}.${stamp}${name.slice(dot)}`);
  mkdirSync(quarantineDir, { recursive: true });
  renameSync(path, target);
  console.warn(`run store: ${shownAs} is damaged: ${reason}; moved to quarantine/${basename(target)}, and ${next}`);
}
