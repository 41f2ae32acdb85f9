import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { environmentWith, type SettingName } from '../../src/settings.js';

/**
 * Runs claim spec files as `npx vitest run --project tradeoff` does at the `ci` profile on wasm, into
 * `root/store` and `root/report` (`env` replaces settings); `onStart` gets a function that interrupts it
 * as Ctrl-C on a terminal does (SIGINT to the process group: vitest, its workers and their training
 * processes). Resolves with the exit code; `output` collects what it printed on stderr.
 */
export function spawnSuite(
  root: string,
  specs: readonly string[],
  onStart?: (interrupt: () => void) => void,
  options: { env?: Partial<Record<SettingName, string>>; output?: string[] } = {},
): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'tradeoff', ...specs], {
      env: environmentWith({
        GST_PROFILE: 'ci',
        GST_BACKEND: 'wasm',
        GST_STORE: join(root, 'store'),
        GST_REPORT_DIR: join(root, 'report'),
        GST_PROGRESS: '0',
        ...options.env,
      }),
      stdio: ['ignore', 'ignore', options.output ? 'pipe' : 'ignore'],
      detached: true,
    });
    child.stderr?.on('data', (chunk: Buffer) => options.output?.push(chunk.toString()));
    onStart?.(() => process.kill(-(child.pid as number), 'SIGINT'));
    child.on('exit', (code) => done(code));
  });
}
