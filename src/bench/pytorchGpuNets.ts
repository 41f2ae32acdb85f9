import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findTorchPython } from './pytorchReplica.js';

/** What PyTorch fp32 eager trains of the paper's nets on this machine's CUDA device (`tools/gpu/gpu_nets.py`). */
export interface PytorchGpuRates {
  readonly torch: string;
  readonly device: string;
  readonly batch: number;
  readonly examplesPerSecond: { readonly vgg11: number; readonly resnet18: number };
}

/** The script, in the repository or beside a bundled module (`gpu:bundle` copies it there). */
function scriptPath(): string | undefined {
  return [resolve(import.meta.dirname, '../../tools/gpu/gpu_nets.py'), join(import.meta.dirname, 'gpu_nets.py')].find((p) => existsSync(p));
}

/**
 * Times the paper's nets in PyTorch on CUDA at `batch` for `seconds` each, or says why it could not
 * (no python3 with torch, no CUDA device, no script).
 */
export async function pytorchGpuNets(batch: number, seconds: number): Promise<PytorchGpuRates | { readonly why: string }> {
  const python = findTorchPython();
  const script = scriptPath();
  if (python === undefined) return { why: 'no python3 with torch here' };
  if (script === undefined) return { why: 'tools/gpu/gpu_nets.py is missing' };
  return new Promise((done) => {
    execFile(python, [script, 'cuda', String(batch), String(seconds)], { timeout: (20 * seconds + 120) * 1000 }, (error, stdout, stderr) => {
      if (error !== null) done({ why: stderr.trim().split('\n').at(-1) || error.message });
      else done(JSON.parse(stdout.trim().split('\n').at(-1) as string) as PytorchGpuRates);
    });
  });
}
