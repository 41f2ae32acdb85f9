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

/** Worker processes (`runWorker.ts`) that execute one call of jobs at a time each and stay alive across calls. */
export class WorkerPool {
  private readonly idle: ChildProcess[] = [];
  private readonly all: ChildProcess[] = [];
  private nextId = 0;

  constructor(private readonly storeRoot: string) {}

  private spawn(): ChildProcess {
    const child = fork(join(import.meta.dirname, 'runWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.all.push(child);
    return child;
  }

  /** Executes `jobs` in an idle worker (or a new one); progress lines arrive through `onProgress`. */
  run(jobs: readonly RunJob[], onProgress: (line: string) => void): Promise<readonly RunResult[]> {
    const names = jobs.map((job) => `${job.label} (seed ${job.seed})`).join(', ');
    const child = this.idle.pop() ?? this.spawn();
    const id = this.nextId++;
    return new Promise<readonly RunResult[]>((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.all.splice(this.all.indexOf(child), 1);
        reject(new Error(`worker for ${names} exited (code ${code}, signal ${signal}) before finishing`));
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
