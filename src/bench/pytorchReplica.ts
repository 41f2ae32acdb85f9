import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixturesDir } from '../engine/data/fixtureDatasets.js';
import { scaleWidth, vggMiniLayout } from '../engine/models/vgg.js';
import type { RunRecord } from '../readings/runRecord.js';
import type { PruningEventLog } from '../pruning/pruningEventLog.js';
import type { RunConfig } from '../results/runConfig.js';
import type { BenchCase } from './benchCases.js';

/** The PyTorch programs (`tools/replica/`): optional tools for comparisons, never needed by the tests. */
export const replicaDir = resolve(import.meta.dirname, '../../tools/replica');

/** The Python that has torch, if any (Debian's python3-torch installs for /usr/bin/python3). */
export function findTorchPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
      return python;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** torch's version in that Python. */
export function replicaTorchVersion(python: string): string {
  return execFileSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' }).trim();
}

/** SHA-256 (16 hex digits) of the replica's Python sources: stored replica runs are keyed by it. */
export function replicaSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(replicaDir)
    .filter((f) => f.endsWith('.py'))
    .sort())
    hash.update(readFileSync(join(replicaDir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** One run trained by the PyTorch replica: what claims read, plus its timing. */
export interface ReplicaRun extends RunRecord {
  readonly events: readonly PruningEventLog[];
  readonly wallSeconds: number;
  readonly examplesPerSecond: number;
  readonly framework: { readonly name: 'pytorch'; readonly version: string; readonly threads: number };
}

/**
 * Trains one run of a run config with the PyTorch replica (`tools/replica/replica_run.py`) on
 * `threads` threads: the same data draw, net, optimizer, schedule, scores, selections, removal,
 * events and readings as the engine, with torch's own weight initialisation.
 */
export function runReplica(python: string, request: { config: RunConfig; seed: number; threads?: number }): Promise<ReplicaRun> {
  const input = JSON.stringify({ config: request.config, seed: request.seed, fixturesDir, threads: request.threads ?? 1 });
  return new Promise((done, fail) => {
    const child = spawn(python, [join(replicaDir, 'replica_run.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(JSON.parse(Buffer.concat(out).toString('utf8')) as ReplicaRun);
      else fail(new Error(`PyTorch replica (seed ${request.seed}) exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').at(-1)}`));
    });
    child.stdin.end(input);
  });
}

/** PyTorch's CPU training throughput on a bench case (`tools/replica/bench_step.py`) with `threads` threads, after `warmupSeconds`. */
export function measurePytorch(python: string, benchCase: BenchCase, threads: number, seconds: number, warmupSeconds: number): number {
  const widthMultiplier = benchCase.modelConfig.widthMultiplier ?? 1;
  const layout = (benchCase.modelConfig.layout ?? vggMiniLayout).map((item) => (item === 'M' ? item : scaleWidth(item, widthMultiplier)));
  const [h, w, c] = benchCase.input;
  const out = execFileSync(
    python,
    [join(replicaDir, 'bench_step.py'), JSON.stringify(layout), String(h), String(w), String(c), String(threads), String(seconds), String(warmupSeconds)],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { examplesPerSecond: number }).examplesPerSecond;
}
