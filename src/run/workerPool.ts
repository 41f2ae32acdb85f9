import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { RunJob } from './runJob.js';
import type { RunResult } from '../results/runResult.js';

/** Parent → worker: execute these jobs (one training config; seeds trained together) against the store under `storeRoot`. */
export interface WorkerRequest {
  readonly id: number;
  readonly jobs: readonly RunJob[];
  readonly storeRoot: string;
}

/** Worker → parent: a progress line, the results in job order, or an error. */
export type WorkerReply =
  | { readonly id: number; readonly progress: string }
  | { readonly id: number; readonly results: readonly RunResult[] }
  | { readonly id: number; readonly error: string };

/** A worker process ended before it answered (killed, out of memory): its jobs may succeed in a fresh one. */
class WorkerExited extends Error {}

/** Worker processes (`runWorker.ts`) that execute one call of jobs at a time each and stay alive across calls. */
export class WorkerPool {
  private readonly idle: ChildProcess[] = [];
  private readonly all: ChildProcess[] = [];
  private nextId = 0;

  /** `notify` hears what must not go unsaid (a worker replaced), unthrottled: stderr by default. */
  constructor(
    private readonly storeRoot: string,
    private readonly notify: (line: string) => void = (line) => console.warn(line),
  ) {}

  private spawn(): ChildProcess {
    const child = fork(join(import.meta.dirname, 'runWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.all.push(child);
    return child;
  }

  /**
   * Executes `jobs` in an idle worker (or a new one); progress lines arrive through `onProgress`. A
   * worker that dies before it answers (killed, out of memory) is replaced and the jobs are sent once
   * more to a fresh one, said through `notify`; a second death, or an error the jobs raise, rejects.
   */
  async run(jobs: readonly RunJob[], onProgress: (line: string) => void): Promise<readonly RunResult[]> {
    const names = jobs.map((job) => `${job.label} (seed ${job.seed})`).join(', ');
    try {
      return await this.runOnce(jobs, names, onProgress);
    } catch (error) {
      if (!(error instanceof WorkerExited)) throw error;
      this.notify(`${error.message}; retrying once in a fresh worker`);
      return this.runOnce(jobs, names, onProgress);
    }
  }

  private runOnce(jobs: readonly RunJob[], names: string, onProgress: (line: string) => void): Promise<readonly RunResult[]> {
    const child = this.idle.pop() ?? this.spawn();
    const id = this.nextId++;
    return new Promise<readonly RunResult[]>((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.all.splice(this.all.indexOf(child), 1);
        reject(new WorkerExited(`worker (pid ${child.pid}) for ${names} exited (code ${code}, signal ${signal}) before finishing`));
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if ('progress' in reply) return onProgress(reply.progress);
        cleanup();
        this.idle.push(child);
        if ('results' in reply) resolve(reply.results);
        else reject(new Error(`run ${names} failed in its worker:\n${reply.error}`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, jobs, storeRoot: this.storeRoot } satisfies WorkerRequest);
    });
  }

  close(): void {
    for (const child of this.all) child.disconnect();
  }
}
