/**
 * `npm run bench [-- --seconds 8] [-- --compare-pytorch]`: training throughput of the engine on the
 * benchmark nets, in 1 process and in 2 processes at once (summed), written to `reports/bench.json`.
 * With `--compare-pytorch`, the same nets in PyTorch CPU (1 and 2 threads) are measured in the same
 * run when torch is importable, and skipped with a message when it is not. With `--levers`, what
 * each speed lever gives, measured in this run: every case in one process with the stock wasm
 * kernels this project replaced put back, and one seed of every paper arm at the `ci` profile
 * trained with and without shared-prefix checkpoints.
 */
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeJsonAtomic } from '../experiment/atomicFile.js';
import { measureSuiteSlice } from './suiteSlice.js';
import { benchBatchSize, benchCases, type BenchCase } from './benchCases.js';
import { findTorchPython, measurePytorch } from './pytorchReference.js';

const run = promisify(execFile);
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 8) || 8;
const comparePytorch = args.includes('--compare-pytorch');
const measureLevers = args.includes('--levers');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface WorkerResult {
  examplesPerSecond: number;
  backend: { name: string; tfjsVersion: string };
}

async function inProcesses(benchCase: BenchCase, processes: number, stockKernels: readonly string[] = []): Promise<WorkerResult[]> {
  const worker = join(import.meta.dirname, 'benchWorker.ts');
  const stock = stockKernels.length > 0 ? [`stock:${stockKernels.join(',')}`] : [];
  const outputs = await Promise.all(
    Array.from({ length: processes }, () => run(process.execPath, ['--import', 'tsx', worker, benchCase.id, String(seconds), ...stock], { env: process.env })),
  );
  return outputs.map((o) => JSON.parse(o.stdout.trim()) as WorkerResult);
}

const results = [];
let backend: WorkerResult['backend'] | undefined;
for (const benchCase of benchCases) {
  for (const processes of [1, 2]) {
    const measured = await inProcesses(benchCase, processes);
    backend = measured[0].backend;
    const examplesPerSecond = measured.reduce((s, m) => s + m.examplesPerSecond, 0);
    log(`${benchCase.id} ${benchCase.input.join('x')} processes=${processes}: ${examplesPerSecond.toFixed(0)} ex/s`);
    results.push({ case: benchCase.id, model: benchCase.model, input: benchCase.input, batchSize: benchBatchSize, processes, examplesPerSecond });
  }
}
const pytorch = [];
if (comparePytorch) {
  const python = findTorchPython();
  if (python === undefined) {
    log('--compare-pytorch: torch is not importable (apt-get install python3-torch); PyTorch comparison skipped');
  } else {
    for (const benchCase of benchCases) {
      for (const threads of [1, 2]) {
        const examplesPerSecond = measurePytorch(python, benchCase, threads, seconds);
        const ours = results.find((r) => r.case === benchCase.id && r.processes === threads)?.examplesPerSecond ?? 0;
        log(`pytorch ${benchCase.id} threads=${threads}: ${examplesPerSecond.toFixed(0)} ex/s (ours/pytorch ${(ours / examplesPerSecond).toFixed(2)})`);
        pytorch.push({ case: benchCase.id, threads, examplesPerSecond, ratio: ours / examplesPerSecond });
      }
    }
  }
}
const levers = [];
if (measureLevers) {
  const stockKernels = ['MaxPoolGrad'];
  for (const benchCase of benchCases) {
    const [withStock] = await inProcesses(benchCase, 1, stockKernels);
    const ours = results.find((r) => r.case === benchCase.id && r.processes === 1)?.examplesPerSecond ?? 0;
    log(`lever ${benchCase.id}: stock ${stockKernels.join('+')} ${withStock.examplesPerSecond.toFixed(0)} ex/s -> ours ${ours.toFixed(0)} ex/s (x${(ours / withStock.examplesPerSecond).toFixed(2)})`);
    levers.push({ lever: `wasm ${stockKernels.join('+')} kernel`, case: benchCase.id, before: withStock.examplesPerSecond, after: ours, unit: 'examples/s', ratio: ours / withStock.examplesPerSecond });
  }
  const plain = await measureSuiteSlice({ prefixCheckpoints: false, seed: 1 });
  const shared = await measureSuiteSlice({ prefixCheckpoints: true, seed: 1 });
  log(`lever prefix sharing: ${plain.runs} ci-profile runs (one seed, every paper arm) ${plain.seconds.toFixed(1)} s -> ${shared.seconds.toFixed(1)} s (x${(plain.seconds / shared.seconds).toFixed(2)})`);
  levers.push({ lever: 'shared-prefix checkpoints', case: `ci profile, ${plain.runs} arms, 1 seed, 1 process`, before: plain.seconds, after: shared.seconds, unit: 'seconds', ratio: plain.seconds / shared.seconds });
}
const report = {
  backend: backend?.name,
  tfjs: backend?.tfjsVersion,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  secondsPerMeasurement: seconds,
  date: new Date().toISOString(),
  results,
  ...(comparePytorch ? { pytorch } : {}),
  ...(measureLevers ? { levers } : {}),
};
writeJsonAtomic(join(import.meta.dirname, '../../reports/bench.json'), report);
log('wrote reports/bench.json');
