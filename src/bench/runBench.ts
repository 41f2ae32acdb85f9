import { cpus } from 'node:os';
import { join } from 'node:path';
import { backendIdentity, type BackendInfo } from '../engine/backend/initBackend.js';
import { writeJsonAtomic } from '../primitives/atomicFile.js';
import { measureSuiteSlice } from './suiteSlice.js';
import { benchBatchSize, benchCases, type BenchCase } from './benchCases.js';
import { endToEndRuns, replicaRunSeconds, runsPerCoreMinute, type EndToEndProtocol } from './endToEnd.js';
import { findTorchPython, measurePytorch } from './pytorchReplica.js';
import { measurePaperNetsOnGpu } from './gpuBench.js';
import { spawnBenchWorker } from './spawnBenchWorker.js';
import { machineVectorExtensions } from './vectorExtensions.js';

/** What {@link runBench} measures: seconds per measurement after a warm-up, and which comparisons. */
export interface BenchOptions {
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** PyTorch CPU on the same nets, and whole `mini` runs end to end against the replica. */
  readonly comparePytorch: boolean;
  /** Each speed lever, off and on in one run. */
  readonly measureLevers: boolean;
  readonly log: (line: string) => void;
}

/**
 * Measures the engine's training throughput (and, as asked, PyTorch's, whole runs, the levers, a
 * WebGPU adapter's) and writes `reports/bench.json`; `npm run bench` (src/cli/bench.ts) is its shell.
 */
export async function runBench(options: BenchOptions): Promise<void> {
  const { seconds, warmupSeconds, comparePytorch, measureLevers, log } = options;
  const vectors = machineVectorExtensions();
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown processor'}; vector extensions: ${vectors?.join(' ') ?? 'unknown (no /proc/cpuinfo)'}`);

  interface WorkerResult {
    examplesPerSecond: number;
    backend: BackendInfo;
  }

  async function inProcesses(benchCase: BenchCase, processes: number): Promise<WorkerResult[]> {
    const outputs = await Promise.all(Array.from({ length: processes }, () => benchWorker([benchCase.id, String(seconds), String(warmupSeconds)])));
    return outputs as WorkerResult[];
  }

  const benchWorker = (workerArgs: readonly string[]) => spawnBenchWorker(workerArgs);

  const results = [];
  let backend: WorkerResult['backend'] | undefined;
  for (const benchCase of benchCases) {
    // 1, 2, 2, 1 processes (ABBA): the machine's drift over the case's minute hits both counts alike
    const samples = new Map<number, number[]>([
      [1, []],
      [2, []],
    ]);
    for (const processes of [1, 2, 2, 1]) {
      const measured = await inProcesses(benchCase, processes);
      backend = measured[0].backend;
      samples.get(processes)?.push(measured.reduce((s, m) => s + m.examplesPerSecond, 0));
    }
    for (const [processes, sampled] of samples) {
      const examplesPerSecond = sampled.reduce((a, b) => a + b, 0) / sampled.length;
      log(
        `${benchCase.id} ${benchCase.input.join('x')} processes=${processes}: ${examplesPerSecond.toFixed(0)} ex/s (${sampled.map((v) => v.toFixed(0)).join(', ')})`,
      );
      results.push({
        case: benchCase.id,
        model: benchCase.model,
        input: benchCase.input,
        batchSize: benchBatchSize,
        processes,
        examplesPerSecond,
        samples: sampled,
      });
    }
    const one = results.at(-2)?.examplesPerSecond ?? 0;
    const two = results.at(-1)?.examplesPerSecond ?? 0;
    log(`${benchCase.id}: 2 processes = ${(two / one).toFixed(2)}x 1 process`);
  }
  const gpu = await measurePaperNetsOnGpu(seconds, warmupSeconds, log);
  const pytorch = [];
  const python = comparePytorch ? findTorchPython() : undefined;
  if (comparePytorch) {
    if (python === undefined) {
      log('--compare-pytorch: torch is not importable (apt-get install python3-torch); PyTorch comparison skipped');
    } else {
      for (const benchCase of benchCases) {
        for (const threads of [1, 2]) {
          const examplesPerSecond = measurePytorch(python, benchCase, threads, seconds, warmupSeconds);
          const ours = results.find((r) => r.case === benchCase.id && r.processes === threads)?.examplesPerSecond ?? 0;
          log(`pytorch ${benchCase.id} threads=${threads}: ${examplesPerSecond.toFixed(0)} ex/s (ours/pytorch ${(ours / examplesPerSecond).toFixed(2)})`);
          pytorch.push({ case: benchCase.id, threads, examplesPerSecond, ratio: ours / examplesPerSecond });
        }
      }
    }
  }
  const endToEnd = [];
  if (comparePytorch && python !== undefined) {
    // whole runs of each protocol, engine (one warm worker process) and replica (one thread), ABBA over seeds 1-4
    for (const protocol of Object.keys(endToEndRuns) as EndToEndProtocol[]) {
      const engineSeconds: number[] = [];
      const replicaSeconds: number[] = [];
      for (const [side, seeds] of [
        ['engine', [1, 2]],
        ['replica', [1, 2]],
        ['replica', [3, 4]],
        ['engine', [3, 4]],
      ] as const) {
        if (side === 'engine') engineSeconds.push(...((await benchWorker(['end-to-end', protocol, ...seeds.map(String)])) as { seconds: number[] }).seconds);
        else replicaSeconds.push(...(await replicaRunSeconds(python, protocol, seeds)));
      }
      const row = {
        protocol,
        run: endToEndRuns[protocol].arm,
        engineSeconds,
        replicaSeconds,
        engine: runsPerCoreMinute(engineSeconds),
        replica: runsPerCoreMinute(replicaSeconds),
      };
      endToEnd.push(row);
      log(
        `end to end, ${protocol} ${row.run} runs per core-minute: ours ${row.engine.toFixed(1)} (${engineSeconds.map((s) => s.toFixed(1)).join(', ')} s), ` +
          `pytorch replica ${row.replica.toFixed(1)} (${replicaSeconds.map((s) => s.toFixed(1)).join(', ')} s): ours/pytorch ${(row.engine / row.replica).toFixed(2)}`,
      );
    }
  }
  const levers = [];
  if (measureLevers) {
    for (const benchCase of benchCases) {
      for (const kernel of ['native', 'Conv2D', 'MaxPoolGrad', 'Identity+Cast', 'Mean', 'fma']) {
        const { before, after } = (await benchWorker([benchCase.id, String(2 * seconds), String(warmupSeconds), `lever:${kernel}`])) as {
          before: number;
          after: number;
        };
        const [off, on, lever] =
          kernel === 'fma'
            ? ['separate', 'fused', 'wasm kernels with fused multiply-adds']
            : kernel === 'native'
              ? ['wasm', 'native', 'native kernels']
              : ['stock', 'ours', `wasm ${kernel} kernel`];
        log(
          `lever ${kernel} ${benchCase.id}: ${off} ${before.toFixed(0)} ex/s -> ${on} ${after.toFixed(0)} ex/s (x${(after / before).toFixed(2)}, alternating in one process)`,
        );
        levers.push({ lever, case: benchCase.id, before, after, unit: 'examples/s', ratio: after / before });
      }
    }
    // each scheduler lever off and on, ABBA over two seeds, so that a drift of the machine's speed hits both alike
    const schedulerLevers = [
      { name: 'shared-prefix checkpoints', lever: 'prefixCheckpoints' },
      { name: 'final states for flatness runs', lever: 'finalStates' },
    ] as const;
    for (const { name, lever } of schedulerLevers) {
      const slices: { on: boolean; runs: number; seconds: number }[] = [];
      for (const [seed, on] of [
        [1, false],
        [1, true],
        [2, true],
        [2, false],
      ] as const) {
        slices.push({ on, ...(await measureSuiteSlice({ levers: { prefixCheckpoints: true, finalStates: true, [lever]: on }, seed })) });
      }
      const total = (on: boolean) => slices.filter((s) => s.on === on).reduce((t, s) => t + s.seconds, 0);
      const runs = slices.filter((s) => s.on).reduce((t, s) => t + s.runs, 0);
      log(
        `lever ${name}: ${runs} ci-profile runs (two seeds, every run the suite needs) ${total(false).toFixed(1)} s -> ${total(true).toFixed(1)} s (x${(total(false) / total(true)).toFixed(2)})`,
      );
      levers.push({
        lever: name,
        case: 'ci profile, every run the suite needs, seeds 1-2, 1 process',
        before: total(false),
        after: total(true),
        unit: 'seconds',
        ratio: total(false) / total(true),
      });
    }
  }
  const report = {
    backend: backend === undefined ? undefined : backendIdentity(backend),
    nativeKernels: backend?.nativeKernels ?? null,
    tfjs: backend?.tfjsVersion,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, vectorExtensions: vectors, node: process.version },
    secondsPerMeasurement: seconds,
    warmupSeconds,
    date: new Date().toISOString(),
    results,
    gpu,
    ...(comparePytorch ? { pytorch, endToEnd } : {}),
    ...(measureLevers ? { levers } : {}),
  };
  writeJsonAtomic(join(import.meta.dirname, '../../reports/bench.json'), report);
  log('wrote reports/bench.json');
}
