import { describe, expect, it } from 'vitest';
import { auditRules, auditViolations, type AuditedDispatch } from '../../src/bench/gpuAudit.js';
import { auditStep, auditTable, dispatchTargets } from '../../src/bench/gpuAuditStep.js';
import { webgpuForTests } from '../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`gpu:audit tests skipped: ${webgpu.unavailable}`);

const dispatch = (program: string, invocations: number, macs: number, outputs: number): AuditedDispatch => ({
  program,
  invocations,
  macs,
  serialLength: macs / outputs,
});

describe('the dispatch audit rules', () => {
  it('flag a heavy dispatch with too few invocations or too long a serial sum, and nothing light', () => {
    const light = dispatch('BinaryOpProgram', 128, 128, 128);
    const wide = dispatch('Wide', 65_536, 1e9, 1e6); // 1,000 products per output
    const narrow = dispatch('Narrow', 1_728, 1e9, 1e6);
    const deep = dispatch('Deep', 65_536, 1e9, 1e5); // 10,000 products per output
    const found = auditViolations([light, wide, narrow, deep]);
    expect(found.map((v) => v.dispatch.program)).toEqual(['Narrow', 'Deep']);
    expect(found[0].why).toBe(`1728 invocations < ${auditRules.minInvocations}`);
    expect(found[1].why).toBe(`10000 products summed per output > ${auditRules.maxSerialLength}`);
  });
});

describe.skipIf(webgpu.unavailable !== undefined)(`gpu:audit of a VGG11-BN step at batch 128 (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it("finds tfjs' filter gradient too serial, and the project's convolutions GPU-shaped, within the dispatch target", { timeout: 120_000 }, async () => {
    const stock = await auditStep({ model: 'vgg11', batch: 128, kernels: 'stock' });
    const project = await auditStep({ model: 'vgg11', batch: 128, kernels: 'project' });
    expect(stock.violations.some((v) => v.program === 'Conv2DDerFilterProgram' && v.serialLength >= 32_768)).toBe(true);
    for (const stockConvolution of ['Conv2DMMProgram', 'Conv2DDerInputProgram', 'Conv2DDerFilterProgram'])
      expect(project.programs.some((p) => p.program === stockConvolution)).toBe(false);
    expect(project.violations).toEqual([]);
    // the same arithmetic either way (the convolutions' 99 %), within the chunk sums and the fused elementwise passes
    expect(project.macs / stock.macs).toBeGreaterThan(0.99);
    expect(project.macs / stock.macs).toBeLessThan(1.01);
    expect(auditTable(project)).toContain(`${project.dispatches} dispatches a step (target ≤ 150)`);
    expect(project.dispatches).toBeLessThanOrEqual(dispatchTargets.vgg11 ?? 0);
  });
});
