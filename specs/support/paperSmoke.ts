import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import { paperProfile } from '../../src/claims/profiles/paperProfile.js';
import { executeRun } from '../../src/run/executeRun.js';
import type { RunConfig } from '../../src/results/runConfig.js';
import { resnet18PaperPruning } from '../../src/pruning/presets.js';
import { writeTinyCifar } from '../../src/engine/data/tinyCifar.js';

/** The paper config squeezed to one epoch of one batch, with every layer's single event at epoch 0. */
function smoke(config: RunConfig): RunConfig {
  return {
    ...config,
    train: { ...config.train, epochs: 1, batchSize: 8, data: { ...config.train.data, trainSize: 8, testSize: 6, validationSize: 2, cifarRecordsPerFile: 6 } },
    pruning: { ...config.pruning, layers: config.pruning.layers.map((l) => ({ ...l, start: 0, end: 0 })) },
    flatness: undefined,
  };
}

/**
 * Registers the smoke checks of the `paper` profile that a CPU can afford, on the active backend:
 * the real VGG11-BN and ResNet18 graphs at 32×32×3, the paper's layer targets, one batch and one
 * pruning event, on tiny CIFAR-format files. Proves the paper configs build, train and prune; the
 * science needs the GPU. `timeoutMs` for slow backends (the software WebGPU adapter).
 */
export function paperSmokeTests(options: { timeoutMs?: number } = {}): void {
  const dir = mkdtempSync(join(tmpdir(), 'gst-cifar-smoke-'));
  writeTinyCifar(dir, 6);
  vi.stubEnv('GST_DATA_DIR', dir);

  it(
    'VGG11-BN: Adam 1e-3, milestones 150/300, conv4–conv7 pruned to their final widths in one event',
    async () => {
      const config = paperProfile.runConfig(paperArms.pruneLLarge);
      expect(config.train.epochs).toBe(325);
      expect(config.train.lrSchedule).toEqual({ milestones: [150, 300], gamma: 0.1 });
      expect(config.pruning.interval).toBe(40);
      const result = await executeRun({ config: smoke(config), seed: 1 });
      expect(result.events).toHaveLength(1);
      expect(result.events[0].layers.map((l) => [l.layer, l.keptAfter, l.filters.length])).toEqual([
        ['conv4', 359, 153],
        ['conv5', 359, 153],
        ['conv6', 359, 153],
        ['conv7', 52, 460],
      ]);
      expect(result.epochs[0].trainLoss).toBeGreaterThan(0);
      // VGG11-BN with Linear(512, 10): 9,217,728 conv + 5,504 BN + 5,130 head weights. PyTorch's
      // count is 2,752 higher because its convs carry biases, which batch norm cancels exactly.
      expect(result.parameters.total).toBe(9_228_362);
    },
    options.timeoutMs,
  );

  it(
    'ResNet18: last-stage convs pruned by activation scores in one event',
    async () => {
      const vgg = paperProfile.runConfig(paperArms.pruneLLarge);
      const config: RunConfig = {
        ...vgg,
        train: { ...vgg.train, model: { name: 'resnet18' } },
        pruning: resnet18PaperPruning({ interval: 40, selection: 'largest' }),
      };
      const result = await executeRun({ config: smoke(config), seed: 1 });
      expect(result.events[0].layers.map((l) => [l.layer, l.keptAfter])).toEqual([
        ['layer4.0.conv1', 384],
        ['layer4.0.conv2', 308],
        ['layer4.1.conv1', 384],
        ['layer4.1.conv2', 26],
      ]);
    },
    options.timeoutMs,
  );
}
