/**
 * `npm run gpu:audit`: the dispatch audit of one webgpu training step of VGG11-BN and ResNet18 at
 * batch 128 (src/bench/gpuAudit.ts), on any adapter, the software one included: nothing is
 * dispatched. Prints, per net, with tfjs' stock kernels and with this project's, the dispatches of a
 * step and per program its count, fewest invocations, most products summed into one output element
 * and share of the step's multiply-adds, then the dispatches that break the audit's rules. Writes
 * `reports/gpu-audit.json`. Exits non-zero when a step with this project's kernels breaks a rule or
 * exceeds the dispatch target.
 */
import { join } from 'node:path';
import { auditStep, auditTable, dispatchTargets, type StepAudit } from '../bench/gpuAuditStep.js';
import { writeJsonAtomic } from '../primitives/atomicFile.js';

const audits: StepAudit[] = [];
for (const model of ['vgg11', 'resnet18'] as const) {
  for (const kernels of ['stock', 'project'] as const) {
    const audit = await auditStep({ model, batch: 128, kernels });
    audits.push(audit);
    process.stdout.write(`${auditTable(audit)}\n\n`);
  }
}
writeJsonAtomic(join('reports', 'gpu-audit.json'), { generatedAt: new Date().toISOString(), dispatchTargets, audits });
const failing = audits.filter((a) => a.kernels === 'project' && (a.violations.length > 0 || a.dispatches > (dispatchTargets[a.model] ?? Infinity)));
process.stdout.write(
  failing.length === 0
    ? 'gpu:audit passed\n'
    : `gpu:audit FAILED: ${failing.map((a) => `${a.model} (${a.violations.length} dispatches break a rule; ${a.dispatches} dispatches a step${dispatchTargets[a.model] === undefined ? '' : `, target ${dispatchTargets[a.model]}`})`).join(', ')}\n`,
);
process.exitCode = failing.length === 0 ? 0 : 1;
