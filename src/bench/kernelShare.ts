/**
 * Where a training step's time goes on the CPU path: inside kernels (the time of each outermost tfjs
 * kernel call on a synchronous backend) or outside them (tfjs' dispatch and tape, tidy, the engine's
 * JavaScript). Seeds trained together as one ensemble (issue 31) save only the outside part; the
 * measurement also times them, to see what they give on this path.
 */
import { tf } from '../engine/tf.js';
import type { BenchCase } from './benchCases.js';
import { benchTraining, stepsPerSecond } from './measureThroughput.js';

/** One case's step: wall milliseconds, milliseconds inside kernels, the share outside, kernel calls. */
export interface KernelShare {
  readonly case: string;
  readonly backend: string;
  readonly stepMs: number;
  readonly kernelMs: number;
  readonly outsideShare: number;
  readonly kernelCalls: number;
  /** Training examples per second of one model, and in all of `members` seeds trained together (each at the case's batch). */
  readonly together: { readonly members: number; readonly alone: number; readonly together: number };
}

/**
 * Times every kernel of `backendName` while `run` runs: each kernel function is wrapped, and only
 * calls not made from inside another kernel count (a kernel may run others; `tf.profile` counts
 * both). Returns the kernel milliseconds and calls; the kernels are restored after.
 */
async function timeKernels(backendName: string, run: () => Promise<void>): Promise<{ ms: number; calls: number }> {
  const configs = tf.getKernelsForBackend(backendName);
  let depth = 0;
  let ms = 0;
  let calls = 0;
  for (const config of configs) {
    const kernelFunc = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({
      ...config,
      kernelFunc: (args) => {
        const began = depth === 0 ? performance.now() : 0;
        depth += 1;
        try {
          return kernelFunc(args);
        } finally {
          depth -= 1;
          if (depth === 0) {
            ms += performance.now() - began;
            calls += 1;
          }
        }
      },
    });
  }
  try {
    await run();
  } finally {
    for (const config of configs) {
      tf.unregisterKernel(config.kernelName, backendName);
      tf.registerKernel(config);
    }
  }
  return { ms, calls };
}

/**
 * Measures `benchCase` on the active backend over `seconds` of training (at least `timed` steps) with
 * every kernel timed: the wall time of a step and the time inside kernels (synchronous backends only:
 * wasm, its native kernels, cpu).
 *
 * @example
 * ```ts
 * (await measureKernelShare(benchCases[3], 8, 3)).outsideShare; // e.g. 0.2
 * ```
 */
export async function measureKernelShare(benchCase: BenchCase, seconds: number, warmupSeconds: number, timed = 20, members = 4): Promise<KernelShare> {
  const ensemble = await benchTraining(benchCase, { seconds: warmupSeconds }, members);
  const together = ensemble.batchSize * (await stepsPerSecond(ensemble.step, seconds, 2));
  ensemble.dispose();
  const bench = await benchTraining(benchCase, { seconds: warmupSeconds });
  try {
    // steps until `seconds` have passed (at least `timed`), the wall clock and the kernels' over the same steps
    let steps = 0;
    const began = performance.now();
    const kernels = await timeKernels(tf.getBackend(), async () => {
      while (steps < timed || performance.now() - began < seconds * 1000) {
        await bench.step();
        steps += 1;
      }
    });
    const stepMs = (performance.now() - began) / steps;
    const kernelMs = kernels.ms / steps;
    return {
      case: benchCase.id,
      backend: bench.backend.nativeKernels === undefined ? bench.backend.name : `${bench.backend.name} + native ${bench.backend.nativeKernels}`,
      stepMs,
      kernelMs,
      outsideShare: Math.max(0, 1 - kernelMs / stepMs),
      kernelCalls: kernels.calls / steps,
      together: { members, alone: (1000 * bench.batchSize) / stepMs, together },
    };
  } finally {
    bench.dispose();
  }
}
