import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `benchWorker.ts` with `args` in a fresh process (same environment) and returns its JSON line. */
export async function spawnBenchWorker(args: readonly string[]): Promise<unknown> {
  const output = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'benchWorker.ts'), ...args], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.stdout.trim().split('\n').at(-1) ?? 'null');
}
