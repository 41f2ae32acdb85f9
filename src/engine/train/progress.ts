import { readSetting, stderrIsTerminal } from '../../settings.js';

/** Where progress lines go (see {@link defaultProgressSink}). */
export type ProgressSink = (line: string) => void;

/** `GST_PROGRESS`: 2 a line per epoch, 1 a status line, 0 nothing; by default 1 on a terminal (`stderrIsTerminal`), else 0. */
export function progressLevel(): number {
  return readSetting('GST_PROGRESS') ?? (stderrIsTerminal() ? 1 : 0);
}

/** How often a progress line may be written: every epoch at level 2, every 2 s on a terminal, else every 30 s. */
export function detailEveryMs(): number {
  return progressLevel() === 2 ? 0 : stderrIsTerminal() ? 2_000 : 30_000;
}

/**
 * The default progress sink: none at level 0; at level 1 on a terminal each line replaces the one
 * before (one status line, refreshed in place); otherwise a line each.
 */
export function defaultProgressSink(): ProgressSink | undefined {
  const level = progressLevel();
  if (level === 0) return undefined;
  if (level === 1 && stderrIsTerminal()) return (line) => process.stderr.write(`\r\x1b[K${line}`);
  return (line) => process.stderr.write(`${line}\n`);
}

/** Formats seconds as `1h02m`, `3m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
