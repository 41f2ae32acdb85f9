import { initBackend, type BackendInfo } from '../engine/backend/initBackend.js';
import { useFusedMultiplyAdds } from '../engine/kernels/wasm/kernelBuild.js';
import { resolveNativeKernels, useNativeKernels } from '../engine/kernels/native/nativeKernels.js';
import { replacedStockKernels } from '../engine/kernels/wasm/registerWasmKernels.js';
import { useKernel } from '../engine/kernels/util/useKernel.js';
import { buildModel } from '../engine/models/modelRegistry.js';
import { createOptimizer } from '../engine/optim/optimizerRegistry.js';
import { SeededRandom } from '../primitives/seededRandom.js';
import { trainStep } from '../engine/train/trainStep.js';
import { tf } from '../engine/tf.js';
import { benchBatchSize, type BenchCase } from './benchCases.js';

/**
 * The engine's real training step on fixed random batches of a bench case (SGD-momentum), after
 * training for `warmupSeconds` (at least two steps): V8 compiles the hot wasm and JavaScript
 * functions with its optimizing tier in background threads during the first seconds of a process,
 * which in two processes at once takes from the other process's core. The run scheduler's workers
 * live across runs, so training throughput is the throughput after that warm-up. With `members`, an
 * ensemble of that many seeds trains together, each on a batch of the case's size; `batchSize` is then
 * the examples of all members' batches.
 */
export async function benchTraining(
  benchCase: BenchCase,
  warmup: { readonly seconds: number; readonly steps?: number },
  members?: number,
): Promise<{ step: () => Promise<unknown>; batchSize: number; backend: BackendInfo; dispose: () => void }> {
  const backend = await initBackend();
  const batchSize = (benchCase.batchSize ?? benchBatchSize) * (members ?? 1);
  const seed = members === undefined ? 1 : Array.from({ length: members }, (_, r) => r + 1);
  const model = buildModel(benchCase.modelConfig, { inputShape: benchCase.input, numClasses: 10, seed });
  const optimizer = createOptimizer(model.trainableVariables(), { name: 'sgd', learningRate: 0.01, momentum: 0.9 });
  const rng = new SeededRandom(1);
  const x = Float32Array.from({ length: batchSize * benchCase.input[0] * benchCase.input[1] * benchCase.input[2] }, () => rng.normal());
  const y = Int32Array.from({ length: batchSize }, () => rng.int(10));
  const step = () => trainStep({ model, optimizer, x, y, shape: benchCase.input, learningRate: 0.01 });
  for (let i = 0; i < (warmup.steps ?? 2); i++) await step();
  await stepsPerSecond(step, warmup.seconds);
  return {
    batchSize,
    step,
    backend,
    dispose: () => {
      model.dispose();
      optimizer.dispose();
    },
  };
}

/** Steps per second of `step` over `seconds` of wall-clock time, and at least `minSteps` steps. */
export async function stepsPerSecond(step: () => Promise<unknown>, seconds: number, minSteps = 0): Promise<number> {
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || steps < minSteps) {
    await step();
    steps += 1;
  }
  return steps / ((performance.now() - start) / 1000);
}

/**
 * Trains `benchCase` on fixed random batches for `seconds` of wall-clock time (after `warmupSeconds`
 * of warm-up) with the engine's real training step, and returns training examples per second.
 */
export async function measureThroughput(
  benchCase: BenchCase,
  seconds: number,
  warmupSeconds: number,
): Promise<{ examplesPerSecond: number; backend: BackendInfo }> {
  const training = await benchTraining(benchCase, { seconds: warmupSeconds });
  const examplesPerSecond = (await stepsPerSecond(training.step, seconds)) * training.batchSize;
  training.dispose();
  return { examplesPerSecond, backend: training.backend };
}

/**
 * What a lever gives: training throughput of `benchCase` with it off (`toggle(false)`) and on,
 * alternating in `rounds` rounds within one process (so that the machine's drift hits both alike),
 * over `seconds` in total after `warmupSeconds` of warm-up; it is left on.
 */
async function measureLever(
  benchCase: BenchCase,
  toggle: (on: boolean) => void,
  seconds: number,
  warmupSeconds: number,
  rounds: number,
): Promise<{ before: number; after: number }> {
  const training = await benchTraining(benchCase, { seconds: warmupSeconds });
  const rates = { before: 0, after: 0 };
  try {
    for (let round = 0; round < rounds; round++) {
      toggle(false);
      rates.before += (await stepsPerSecond(training.step, seconds / (2 * rounds))) / rounds;
      toggle(true);
      rates.after += (await stepsPerSecond(training.step, seconds / (2 * rounds))) / rounds;
    }
  } finally {
    toggle(true);
    training.dispose();
  }
  return { before: rates.before * training.batchSize, after: rates.after * training.batchSize };
}

/** What the fused multiply-add build of the engine's kernels gives against the separate one ({@link measureLever}). */
export function measureFusedMultiplyAddLever(
  benchCase: BenchCase,
  seconds: number,
  warmupSeconds: number,
  rounds = 6,
): Promise<{ before: number; after: number }> {
  return measureLever(benchCase, (on) => useFusedMultiplyAdds(on, tf.backend()), seconds, warmupSeconds, rounds);
}

/** What the native kernels (the best instruction set here) give against the wasm build's ({@link measureLever}). */
export function measureNativeKernelLever(benchCase: BenchCase, seconds: number, warmupSeconds: number, rounds = 6): Promise<{ before: number; after: number }> {
  const isa = resolveNativeKernels('auto');
  if (isa === undefined) throw new Error('lever native: the native kernels are not built here (npm run build:native)');
  return measureLever(benchCase, (on) => useNativeKernels(on ? isa : undefined), seconds, warmupSeconds, rounds);
}

/** What replacing stock wasm kernels gives ({@link measureLever}: the stock kernels off, the engine's on). */
export async function measureKernelLever(
  benchCase: BenchCase,
  kernelNames: readonly string[],
  seconds: number,
  warmupSeconds: number,
  rounds = 6,
): Promise<{ before: number; after: number }> {
  const backend = await initBackend();
  const pairs = kernelNames.map((name) => {
    const stock = replacedStockKernels.get(name);
    const ours = tf.getKernel(name, backend.name);
    if (stock === undefined || ours === undefined) throw new Error(`kernel lever: '${name}' was not replaced on backend ${backend.name}`);
    return { stock, ours };
  });
  return measureLever(benchCase, (on) => pairs.forEach((p) => useKernel(on ? p.ours : p.stock)), seconds, warmupSeconds, rounds);
}
