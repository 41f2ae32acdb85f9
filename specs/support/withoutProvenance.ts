import { readFileSync } from 'node:fs';

/** A claims.json read from `path` without what differs between two reports of the same runs: when, where and how long. */
export function withoutProvenance(path: string): unknown {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => !['generatedAt', 'gitCommit', 'machine', 'durationSeconds'].includes(key))
              .map(([key, v]) => [key, strip(v)]),
          )
        : value;
  return strip(JSON.parse(readFileSync(path, 'utf8')));
}
