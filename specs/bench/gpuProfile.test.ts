import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { paperConvLayers, timeConvLayer } from '../../src/bench/convLayerTimes.js';
import { findTorchPython } from '../../src/bench/pytorchReplica.js';
import { profileEnsemble, profileStep } from '../../src/bench/stepProfile.js';
import { buildModel } from '../../src/engine/models/modelRegistry.js';
import { tf } from '../../src/engine/tf.js';
import { webgpuForTests } from '../support/backends.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`gpu:profile tests skipped: ${webgpu.unavailable}`);
const python = findTorchPython();
if (python === undefined) console.warn('tools/gpu/gpu_nets.py test skipped: no python3 with torch (Debian: python3-torch)');

describe("the paper nets' convolutions", () => {
  it('are the 15 distinct layers of VGG11-BN and ResNet18 on 32×32×3, each named with its nets', () => {
    const layers = paperConvLayers();
    expect(layers).toHaveLength(15);
    expect(layers[0]).toEqual({ side: 32, inChannels: 3, outChannels: 64, size: 3, stride: 1, nets: 'VGG11, ResNet18' });
    expect(layers.filter((l) => l.nets.includes('VGG11'))).toHaveLength(7);
    expect(layers.filter((l) => l.size === 1)).toEqual([
      { side: 32, inChannels: 64, outChannels: 128, size: 1, stride: 2, nets: 'ResNet18' },
      { side: 16, inChannels: 128, outChannels: 256, size: 1, stride: 2, nets: 'ResNet18' },
      { side: 8, inChannels: 256, outChannels: 512, size: 1, stride: 2, nets: 'ResNet18' },
    ]);
  });
});

describe.skipIf(webgpu.unavailable !== undefined)(`gpu:profile's measurements (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  it('times the three kernels of a layer', async () => {
    const t = await timeConvLayer({ side: 8, inChannels: 4, outChannels: 8, size: 3, stride: 1, nets: 'test' }, 1, 2);
    for (const kernel of ['forward', 'inputGradient', 'filterGradient'] as const) {
      expect(t.ms[kernel]).toBeGreaterThan(0);
      expect(t.tflops[kernel]).toBeCloseTo((2 * 8 * 8 * 8 * 9 * 4) / (t.ms[kernel] / 1000) / 1e12, 12);
    }
  });

  it("profiles a real training step: its dispatches, its kernels, the engine's rate", { timeout: 120_000 }, async () => {
    vi.stubEnv('GST_BACKEND', 'webgpu');
    vi.stubEnv('GST_WEBGPU_SOFTWARE', '1');
    const p = await profileStep('vgg11-32', 2, 0);
    expect(p.dispatches).toBeGreaterThan(100);
    expect(p.kernels.find((k) => k.name === 'Conv2D')?.count).toBe(8);
    expect(p.kernels.find((k) => k.name === 'Conv2DBackpropFilter')?.count).toBe(8);
    expect(p.examplesPerSecond).toBeGreaterThan(0);
    if (!p.timestamped) expect(p.kernels.every((k) => k.ms === null)).toBe(true);
  });

  it("profiles seeds trained together: a step's dispatches and the rate of all members", { timeout: 120_000 }, async () => {
    vi.stubEnv('GST_BACKEND', 'webgpu');
    vi.stubEnv('GST_WEBGPU_SOFTWARE', '1');
    const [e] = await profileEnsemble('vgg11-32', 1, [2], 0);
    expect(e.members).toBe(2);
    expect(e.dispatches).toBeGreaterThan(100);
    expect(e.examplesPerSecond).toBeGreaterThan(0);
  });
});

describe.skipIf(python === undefined)('the PyTorch side of gpu:profile (tools/gpu/gpu_nets.py, on the CPU)', () => {
  it('trains both nets and prints their rates', { timeout: 300_000 }, () => {
    const out = JSON.parse(execFileSync(python as string, ['tools/gpu/gpu_nets.py', 'cpu', '2', '0'], { encoding: 'utf8' }));
    expect(out.device).toBe('cpu');
    expect(out.examplesPerSecond.vgg11).toBeGreaterThan(0);
    expect(out.examplesPerSecond.resnet18).toBeGreaterThan(0);
  });

  it("builds the engine's nets: the same trainable parameter counts", async () => {
    await tf.ready();
    const count = `import sys; sys.path.insert(0, 'tools/gpu'); import gpu_nets; print(*(sum(p.numel() for p in f().parameters()) for f in (gpu_nets.vgg11, gpu_nets.resnet18)))`;
    const [vgg, resnet] = execFileSync(python as string, ['-c', count], { encoding: 'utf8' })
      .trim()
      .split(' ')
      .map(Number);
    const engine = (name: 'vgg11' | 'resnet18') => {
      const net = buildModel({ name }, { inputShape: [32, 32, 3], numClasses: 10, seed: 1 });
      const n = net.trainableVariables().reduce((s, v) => s + v.size, 0);
      net.dispose();
      return n;
    };
    expect([vgg, resnet]).toEqual([engine('vgg11'), engine('resnet18')]);
    expect(vgg).toBe(9_228_362);
  });
});
