import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { hashVariables } from '../../src/engine/models/parameterHash.js';
import { tf } from '../../src/engine/tf.js';
import { trainRun } from '../../src/engine/train/trainRun.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

async function hashOfRun(seed: number, epochs = 1): Promise<string> {
  const run = await trainRun({ config: { ...tinyTrainConfig, epochs }, seed });
  const hash = await hashVariables(run.model.namedVariables());
  run.dispose();
  return hash;
}

describe('trainRun', () => {
  it('learns: a narrow VGG-mini on the shipped Fashion-MNIST fixture is far above chance (10%) after 3 epochs', async () => {
    const tensorsPerEpoch: number[] = [];
    const run = await trainRun({
      config: { ...tinyTrainConfig, data: { ...tinyTrainConfig.data, trainSize: 1000 }, epochs: 3 },
      seed: 3,
      hooks: { afterEpoch: () => void tensorsPerEpoch.push(tf.memory().numTensors) },
    });
    const last = run.outcome.epochs.at(-1);
    expect(run.outcome.backend.name).toBe('wasm');
    expect(run.outcome.epochs).toHaveLength(3);
    expect(last?.testAccuracy).toBeGreaterThan(0.5);
    expect(last?.trainAccuracy).toBeGreaterThan(0.5);
    // memory stays flat: the same number of live tensors after every epoch
    expect(new Set(tensorsPerEpoch).size).toBe(1);
    run.dispose();
  });

  it('leaves no tensor behind once disposed', async () => {
    const before = tf.memory().numTensors;
    await hashOfRun(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is bit-identical for the same config, seed and backend (in one process and across processes), and differs across seeds', async () => {
    const a = await hashOfRun(5);
    const b = await hashOfRun(5);
    const c = await hashOfRun(6);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    vi.stubEnv('GST_BACKEND', 'wasm');
    const child = execFileSync(process.execPath, ['--import', 'tsx', 'specs/support/trainAndHash.ts', '5'], { encoding: 'utf8' });
    vi.unstubAllEnvs();
    expect(child.trim()).toBe(a);
  });

  it('stops a diverging run and marks it, instead of averaging NaN', async () => {
    const run = await trainRun({ config: { ...tinyTrainConfig, optimizer: { name: 'sgd', learningRate: 1e30, momentum: 0.9 } }, seed: 1 });
    expect(run.outcome.diverged).toBeDefined();
    expect(run.outcome.diverged?.epoch).toBe(0);
    run.dispose();
  });
});

describe('training config errors name the field and the allowed values', () => {
  const cases: [string, object, RegExp][] = [
    ['unknown model', { model: { name: 'vgg99' } }, /model\.name: "vgg99".*allowed: vgg11, vgg-mini, resnet18/],
    ['negative learning rate', { optimizer: { name: 'adam', learningRate: -1 } }, /optimizer\.learningRate: -1.*> 0/],
    ['unknown optimizer', { optimizer: { name: 'rmsprop', learningRate: 1 } }, /optimizer\.name: "rmsprop".*allowed: adam, sgd/],
    ['unknown dataset', { data: { name: 'imagenet' } }, /data\.name: "imagenet".*allowed: fashion-mnist-16/],
    ['fractional epochs', { epochs: 1.5 }, /epochs: 1\.5.*integer/],
    ['label noise of 1', { data: { name: 'fashion-mnist-16', labelNoise: 1 } }, /data\.labelNoise: 1.*\[0, 1\)/],
    ['train size above the split', { data: { name: 'fashion-mnist-16', trainSize: 10_001 } }, /data\.trainSize: 10001.*\[1, 10000\]/],
  ];
  for (const [what, patch, message] of cases) {
    it(what, async () => {
      await expect(trainRun({ config: { ...tinyTrainConfig, ...patch } as typeof tinyTrainConfig, seed: 0 })).rejects.toThrow(message);
    });
  }

  it('missing CIFAR-10 path', async () => {
    vi.stubEnv('GST_DATA_DIR', '');
    await expect(trainRun({ config: { ...tinyTrainConfig, data: { name: 'cifar10' } }, seed: 0 })).rejects.toThrow(/GST_DATA_DIR/);
    vi.unstubAllEnvs();
  });
});
