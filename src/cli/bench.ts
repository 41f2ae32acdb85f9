/**
 * `npm run bench [-- --seconds 8] [-- --warmup 3] [-- --compare-pytorch]`: training throughput of
 * the engine on the benchmark nets, in 1 process and in 2 processes at once (summed), each measured
 * twice in the order 1, 2, 2, 1 and averaged, written to `reports/bench.json`. Every measurement
 * starts after `--warmup` seconds of training in its process (V8's background compilation of the
 * first seconds, which the suite's long-lived workers pay once).
 * With `--compare-pytorch`, the same nets in PyTorch CPU (1 and 2 threads) are measured in the same
 * run when torch is importable, and skipped with a message when it is not, then whole `mini` runs
 * end to end in the engine and in the PyTorch replica (runs per core-minute). With `--levers`, what
 * each speed lever gives, measured in this run: every case in one process alternating between the
 * engine's wasm kernels and its native ones (`native`), the stock wasm `Conv2D` (then `MaxPoolGrad`, `Identity` + `Cast`, `Mean`)
 * and the engine's, then its kernels' two builds (`fma`: fused multiply-adds, `GST_WASM_FMA=1`), and two seeds
 * of every run the suite needs at the `ci` profile with each scheduler lever (shared-prefix
 * checkpoints, final states) off and on. Where a `webgpu` adapter is present, the paper profile's nets
 * (VGG11-BN, ResNet18 at batch 128) on webgpu beside wasm (src/bench/gpuBench.ts).
 * `npm run bench -- --kernel-share` measures instead, per case, the share of a training step spent
 * outside kernels and what 4 seeds trained together give (src/bench/kernelShare.ts), written to
 * `reports/kernel-share.json`.
 */
import { join } from 'node:path';
import { benchCases } from '../bench/benchCases.js';
import { measureKernelShare } from '../bench/kernelShare.js';
import { runBench } from '../bench/runBench.js';
import { writeJsonAtomic } from '../primitives/atomicFile.js';

const args = process.argv.slice(2);
const numberOption = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!(value >= 0)) throw new Error(`${name} '${args[at + 1]}' is not allowed; use a number of seconds ≥ 0`);
  return value;
};
const seconds = numberOption('--seconds', 8);
const warmupSeconds = numberOption('--warmup', 3);
const comparePytorch = args.includes('--compare-pytorch');
const measureLevers = args.includes('--levers');

const log = (line: string) => process.stderr.write(`${line}\n`);

if (args.includes('--kernel-share')) {
  const shares = [];
  for (const benchCase of benchCases) {
    const share = await measureKernelShare(benchCase, seconds, warmupSeconds);
    shares.push(share);
    log(
      `${share.case} on ${share.backend}: step ${share.stepMs.toFixed(2)} ms, inside ${share.kernelCalls.toFixed(0)} kernel calls ${share.kernelMs.toFixed(2)} ms, outside ${(100 * share.outsideShare).toFixed(1)} %; ` +
        `${share.together.members} seeds together ${share.together.together.toFixed(0)} examples/s in all, one model ${share.together.alone.toFixed(0)}`,
    );
  }
  writeJsonAtomic(join('reports', 'kernel-share.json'), { generatedAt: new Date().toISOString(), seconds, warmupSeconds, shares });
} else {
  await runBench({ seconds, warmupSeconds, comparePytorch, measureLevers, log });
}
