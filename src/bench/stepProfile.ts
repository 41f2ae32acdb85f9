/**
 * One paper net's training step on webgpu as `gpu:profile` reports it: the dispatches of a step, the
 * kernels of a step with their GPU time (timestamp queries, where the adapter has them), and the
 * engine's real training examples per second.
 */
import { tf } from '../engine/tf.js';
import { paperBenchCases } from './benchCases.js';
import { auditDispatches } from './gpuAudit.js';
import { benchTraining, stepsPerSecond } from './measureThroughput.js';

/** What {@link profileStep} measured. */
export interface StepProfile {
  readonly model: string;
  readonly batch: number;
  readonly dispatches: number;
  /** Whether the kernel times are GPU timestamps; without them every `ms` is null. */
  readonly timestamped: boolean;
  /** Per tfjs kernel of one step: calls and GPU milliseconds, most time first. */
  readonly kernels: readonly { name: string; count: number; ms: number | null }[];
  readonly examplesPerSecond: number;
}

/**
 * Profiles the training step (SGD with momentum, the engine's `trainStep`) of paper bench case
 * `caseId` (`vgg11-32`, `resnet18-32`) at `batch`, training `seconds` for its rate.
 *
 * @example
 * ```ts
 * (await profileStep('vgg11-32', 128, 10)).examplesPerSecond;
 * ```
 */
export async function profileStep(caseId: string, batch: number, seconds: number): Promise<StepProfile> {
  const benchCase = paperBenchCase(caseId);
  const bench = await benchTraining({ ...benchCase, batchSize: batch }, { seconds: 0, steps: 2 });
  try {
    const dispatches = (await auditDispatches(bench.step, { dispatch: true })).length;
    const info = await tf.profile(async () => {
      await bench.step();
    });
    const timestamped = (tf.backend() as unknown as { supportTimestampQuery?: boolean }).supportTimestampQuery === true;
    const byName = new Map<string, { name: string; count: number; ms: number | null }>();
    for (const k of info.kernels) {
      const ms = typeof k.kernelTimeMs === 'number' && timestamped ? k.kernelTimeMs : null;
      const seen = byName.get(k.name) ?? { name: k.name, count: 0, ms: timestamped ? 0 : null };
      byName.set(k.name, { name: k.name, count: seen.count + 1, ms: seen.ms === null || ms === null ? null : seen.ms + ms });
    }
    const examplesPerSecond = batch * (await stepsPerSecond(bench.step, seconds, 3));
    return {
      model: benchCase.model,
      batch,
      dispatches,
      timestamped,
      kernels: [...byName.values()].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0) || b.count - a.count),
      examplesPerSecond,
    };
  } finally {
    bench.dispose();
  }
}

function paperBenchCase(caseId: string) {
  const benchCase = paperBenchCases.find((c) => c.id === caseId);
  if (benchCase === undefined)
    throw new Error(`profileStep: case '${caseId}' is not a paper bench case; allowed: ${paperBenchCases.map((c) => c.id).join(', ')}`);
  return benchCase;
}

/** What {@link profileEnsemble} measured for one ensemble size. */
export interface EnsembleRate {
  readonly members: number;
  readonly dispatches: number;
  /** Training examples per second of all members together. */
  readonly examplesPerSecond: number;
}

/**
 * Seeds trained together: the aggregate training examples per second of paper bench case `caseId`
 * as ensembles of each of `sizes` members (each member at `batch`), and the dispatches of one step.
 *
 * @example
 * ```ts
 * (await profileEnsemble('vgg11-32', 128, [1, 4, 8], 10)).map((e) => e.examplesPerSecond);
 * ```
 */
export async function profileEnsemble(caseId: string, batch: number, sizes: readonly number[], seconds: number): Promise<EnsembleRate[]> {
  const rates: EnsembleRate[] = [];
  for (const members of sizes) {
    const bench = await benchTraining({ ...paperBenchCase(caseId), batchSize: batch }, { seconds: 0, steps: 2 }, members);
    try {
      const dispatches = (await auditDispatches(bench.step, { dispatch: true })).length;
      rates.push({ members, dispatches, examplesPerSecond: bench.batchSize * (await stepsPerSecond(bench.step, seconds, 3)) });
    } finally {
      bench.dispose();
    }
  }
  return rates;
}
