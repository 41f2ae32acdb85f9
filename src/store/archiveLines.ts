import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** The longest line a run archive may hold (bytes, decompressed): a run record is tens of kilobytes. */
export const maxArchiveLineBytes = 16 * 2 ** 20;

/** What a gzip stream's error means to the user. */
function gzipProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'Z_DATA_ERROR') return `not a gzip file, or damaged (${error.message})`;
  if (error.code === 'Z_BUF_ERROR' || /unexpected end/i.test(error.message)) return `truncated: the gzip stream ends early (${error.message})`;
  return error.message;
}

/**
 * The non-empty lines of a gzip-compressed JSON-lines file with their 1-based line numbers, streamed
 * (memory stays flat, whatever the file's size or compression ratio): a line over
 * {@link maxArchiveLineBytes}, a file that is not gzip or ends early are errors naming file and line.
 *
 * @example
 * ```ts
 * for await (const { text, line } of archiveLines('fixtures/runs/mini-confirmation.jsonl.gz')) JSON.parse(text);
 * ```
 */
export async function* archiveLines(path: string, options: { maxLineBytes?: number } = {}): AsyncGenerator<{ text: string; line: number }> {
  const maxLineBytes = options.maxLineBytes ?? maxArchiveLineBytes;
  if (!existsSync(path)) throw new Error(`run archive ${path} does not exist; write one with npm run store:export`);
  const stream = createReadStream(path).pipe(createGunzip());
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  const tooLong = () =>
    new Error(`run archive ${path}, line ${line}: longer than ${maxLineBytes} bytes decompressed (a run record is far shorter): not a run archive, or damaged`);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, from)) {
        if (pendingBytes + at - from > maxLineBytes) throw tooLong();
        const text = Buffer.concat([...pending, chunk.subarray(from, at)]).toString('utf8');
        pending = [];
        pendingBytes = 0;
        if (text.trim() !== '') yield { text, line };
        line += 1;
        from = at + 1;
      }
      pendingBytes += chunk.length - from;
      if (pendingBytes > maxLineBytes) throw tooLong();
      pending.push(chunk.subarray(from));
    }
  } catch (error) {
    if ((error as Error).message.startsWith(`run archive ${path}`)) throw error;
    throw new Error(`run archive ${path}, line ${line}: ${gzipProblem(error as NodeJS.ErrnoException)}`);
  } finally {
    stream.destroy();
  }
  const last = Buffer.concat(pending).toString('utf8');
  if (last.trim() !== '') yield { text: last, line };
}
