import { readSetting } from '../../settings.js';

/** Where progress lines go: stderr when it is a terminal or `GST_PROGRESS=1`, nowhere otherwise. */
export type ProgressSink = (line: string) => void;

/**
 * The default progress sink. Quiet when stderr is not a TTY unless asked (`GST_PROGRESS=1`);
 * `GST_PROGRESS=0` silences it everywhere.
 */
export function defaultProgressSink(): ProgressSink | undefined {
  const wanted = readSetting('GST_PROGRESS') ?? process.stderr.isTTY;
  return wanted ? (line) => process.stderr.write(`${line}\n`) : undefined;
}

/** Formats seconds as `1h02m`, `3m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
