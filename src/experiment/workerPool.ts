import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { RunResult } from './runResult.js';
import type { WorkerReply, WorkerRequest } from './workerProtocol.js';

/** Worker processes (`runWorker.ts`) that train one run at a time each and stay alive across runs. */
export class WorkerPool {
  private readonly idle: ChildProcess[] = [];
  private readonly all: ChildProcess[] = [];
  private nextId = 0;

  constructor(private readonly size: number) {}

  private spawn(): ChildProcess {
    const child = fork(join(import.meta.dirname, 'runWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.all.push(child);
    return child;
  }

  get capacity(): number {
    return this.size;
  }

  run(request: Pick<WorkerRequest, 'config' | 'seed' | 'label'>, extra: Pick<WorkerRequest, 'checkpointDir' | 'prefixPoints' | 'keepFinalState' | 'measureAfter'>, onProgress: (line: string) => void): Promise<RunResult> {
    const child = this.idle.pop() ?? this.spawn();
    const id = this.nextId++;
    return new Promise<RunResult>((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.all.splice(this.all.indexOf(child), 1);
        reject(new Error(`worker for ${request.label} exited (code ${code}, signal ${signal}) before finishing`));
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if ('progress' in reply) return onProgress(reply.progress);
        cleanup();
        this.idle.push(child);
        if ('result' in reply) resolve(reply.result);
        else reject(new Error(`run ${request.label} (seed ${request.seed}) failed in its worker:\n${reply.error}`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, config: request.config, seed: request.seed, label: request.label, ...extra } satisfies WorkerRequest);
    });
  }

  close(): void {
    for (const child of this.all) child.disconnect();
  }
}
