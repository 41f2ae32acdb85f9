/**
 * One audited training step of a paper net on webgpu (src/bench/gpuAudit.ts), with tfjs' stock kernels
 * or with this project's, and its table.
 */
import { initWebgpu } from '../engine/backend/webgpuBackend.js';
import { tf } from '../engine/tf.js';
import { useKernel } from '../engine/kernels/util/useKernel.js';
import { registerWebgpuKernels, replacedStockWebgpuKernels, webgpuKernelConfigs } from '../engine/kernels/webgpu/registerWebgpuKernels.js';
import { buildModel, type ModelName } from '../engine/models/modelRegistry.js';
import { createOptimizer } from '../engine/optim/optimizerRegistry.js';
import { trainStep } from '../engine/train/trainStep.js';
import { SeededRandom } from '../primitives/seededRandom.js';
import { auditDispatches, auditViolations } from './gpuAudit.js';

/** Dispatches a training step may take (issue 31: VGG11-BN at most 150). */
export const dispatchTargets: Readonly<Partial<Record<ModelName, number>>> = { vgg11: 150 };

/** What the audit found in one step. */
export interface StepAudit {
  readonly model: ModelName;
  readonly batch: number;
  readonly kernels: 'stock' | 'project';
  readonly adapter: string;
  readonly dispatches: number;
  readonly macs: number;
  /** Per program: dispatches, fewest invocations, most products summed into one output element, share of the step's multiply-adds. */
  readonly programs: readonly { program: string; count: number; minInvocations: number; longestSerialLength: number; share: number }[];
  readonly violations: readonly { program: string; invocations: number; serialLength: number; share: number; why: string }[];
}

/**
 * Audits one Adam step of `model` at `batch` on 32×32×3 inputs (the paper's CIFAR-10 shape).
 *
 * @example
 * ```ts
 * (await auditStep({ model: 'vgg11', batch: 128, kernels: 'project' })).dispatches;
 * ```
 */
export async function auditStep(options: { model: ModelName; batch: number; kernels: 'stock' | 'project' }): Promise<StepAudit> {
  const adapter = await initWebgpu({ allowSoftware: true });
  registerWebgpuKernels();
  // stock: tfjs' kernels where it has them, its composite ops where this project adds an op of its own
  if (options.kernels === 'stock') {
    for (const config of webgpuKernelConfigs) {
      const stock = replacedStockWebgpuKernels.get(config.kernelName);
      if (stock === undefined) tf.unregisterKernel(config.kernelName, 'webgpu');
      else useKernel(stock);
    }
  }
  const shape = [32, 32, 3] as const;
  const net = buildModel({ name: options.model }, { inputShape: shape, numClasses: 10, seed: 1 });
  const optimizer = createOptimizer(net.trainableVariables(), { name: 'adam', learningRate: 1e-3 });
  const rng = new SeededRandom(2);
  const x = Float32Array.from({ length: options.batch * 32 * 32 * 3 }, () => rng.normal());
  const y = Int32Array.from({ length: options.batch }, () => rng.int(10));
  const step = () => trainStep({ model: net, optimizer, x, y, shape, learningRate: 1e-3 });
  try {
    // the first step also creates the optimizer's slots; the audit reads the steady second one
    await auditDispatches(step);
    const dispatches = await auditDispatches(step);
    const macs = dispatches.reduce((s, d) => s + d.macs, 0);
    const byProgram = new Map<string, StepAudit['programs'][number]>();
    for (const d of dispatches) {
      const p = byProgram.get(d.program) ?? { program: d.program, count: 0, minInvocations: Infinity, longestSerialLength: 0, share: 0 };
      byProgram.set(d.program, {
        program: d.program,
        count: p.count + 1,
        minInvocations: Math.min(p.minInvocations, d.invocations),
        longestSerialLength: Math.max(p.longestSerialLength, d.serialLength),
        share: p.share + d.macs / macs,
      });
    }
    return {
      ...options,
      adapter: adapter.device,
      dispatches: dispatches.length,
      macs,
      programs: [...byProgram.values()].sort((a, b) => b.share - a.share),
      violations: auditViolations(dispatches).map(({ dispatch: d, why }) => ({
        program: d.program,
        invocations: d.invocations,
        serialLength: d.serialLength,
        share: d.macs / macs,
        why,
      })),
    };
  } finally {
    net.dispose();
    optimizer.dispose();
    for (const config of webgpuKernelConfigs) useKernel(config);
  }
}

const count = (v: number) => Math.round(v).toLocaleString('en-US');

/** A program the table lists by name: it carries ≥ 0.1 % of the step's multiply-adds or ≥ 8 of its dispatches. */
const listed = (p: StepAudit['programs'][number]) => p.share >= 0.001 || p.count >= 8;

/** The audit of a step as a Markdown table with its verdict line. */
export function auditTable(a: StepAudit): string {
  const target = dispatchTargets[a.model];
  const rest = a.programs.filter((p) => !listed(p));
  return [
    `### ${a.model}, batch ${a.batch}, ${a.kernels} kernels: ${a.dispatches} dispatches a step${target === undefined ? '' : ` (target ≤ ${target})`}, ${(a.macs / 1e9).toFixed(2)} G multiply-adds`,
    '',
    '| program | dispatches | fewest invocations | most products summed per output | share of the step |',
    '|---|---|---|---|---|',
    ...a.programs
      .filter(listed)
      .map((p) => `| ${p.program} | ${p.count} | ${count(p.minInvocations)} | ${count(p.longestSerialLength)} | ${(100 * p.share).toFixed(1)} % |`),
    `| (${rest.length} other programs) | ${rest.reduce((s, p) => s + p.count, 0)} | | | |`,
    '',
    a.violations.length === 0
      ? 'No dispatch breaks the rules.'
      : `${a.violations.length} dispatches break the rules: ${[...new Set(a.violations.map((v) => `${v.program} (${v.why})`))].slice(0, 6).join('; ')}.`,
  ].join('\n');
}
