import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTorchPython, replicaDir, runReplica } from '../../src/bench/pytorchReplica.js';
import { metricRegistry } from '../../src/readings/runMetrics.js';
import { miniV1Protocol } from '../../src/claims/profiles/miniV1Profile.js';
import { fixturesDir, loadFixtureDataset } from '../../src/engine/data/fixtureDatasets.js';
import type { DataConfig } from '../../src/engine/data/dataConfig.js';
import { prepareData, type TensorSplit } from '../../src/engine/data/preparedData.js';
import { SeededRandom, deriveSeed } from '../../src/primitives/seededRandom.js';
import { layerEvents } from '../../src/pruning/schedule.js';
import type { RunConfig } from '../../src/results/runConfig.js';

const python = findTorchPython();
if (python === undefined) console.warn('PyTorch replica tests skipped: no python3 with torch (apt-get install python3-torch)');

interface Digest {
  noisy: number[];
  order: Record<string, number[]>;
  train: { labels: number[]; sha256: string };
  validation?: { labels: number[]; sha256: string };
  test: { labels: number[]; sha256: string };
}

const fashion = loadFixtureDataset('fashion-mnist-16');
const split = (s: TensorSplit) => ({
  labels: [...s.y],
  sha256: createHash('sha256')
    .update(new Uint8Array(s.x.buffer, s.x.byteOffset, s.x.byteLength))
    .digest('hex'),
});

describe.skipIf(python === undefined)('the PyTorch replica (tools/replica)', () => {
  it('draws bit for bit the data the engine draws for a seed: subset, label noise, validation split, standardised pixels, epoch order', () => {
    const configs = fc.record({
      trainSize: fc.integer({ min: 10, max: 3000 }),
      labelNoise: fc.constantFrom(0, 0.2, 0.4, 0.6),
      testSize: fc.integer({ min: 50, max: 2000 }),
      validationFraction: fc.constantFrom(0, 0.3, 0.5),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
    fc.assert(
      fc.property(configs, ({ trainSize, labelNoise, testSize, validationFraction, seed }) => {
        const config: DataConfig = { name: 'fashion-mnist-16', trainSize, testSize, labelNoise, validationSize: Math.floor(validationFraction * testSize) };
        const data = prepareData(fashion, config, seed);
        const digest = JSON.parse(
          execFileSync(python as string, [join(replicaDir, 'prepared_data.py'), fixturesDir, JSON.stringify(config), String(seed)], { encoding: 'utf8' }),
        ) as Digest;
        expect(digest.noisy).toEqual(data.noisyIndices);
        expect(digest.train).toEqual(split(data.train));
        expect(digest.test).toEqual(split(data.test));
        expect(digest.validation).toEqual(data.validation && split(data.validation));
        for (const epoch of [0, 7])
          expect(digest.order[String(epoch)]).toEqual([...new SeededRandom(deriveSeed(seed, `order:${epoch}`)).permutation(trainSize)]);
      }),
      { numRuns: 6, seed: 18 },
    );
  });

  it('trains a pruned run into the record claims read: the engine schedule of events, stability from t_pre and t_post, readable metrics', async () => {
    const layers = [
      { layer: 'conv1', fraction: 0.3, start: 0, end: 2 },
      { layer: 'conv4', fraction: 0.6, start: 1, end: 2 },
    ];
    const config: RunConfig = {
      // the mini-v1 protocol's training, cut to 3 epochs on a few images
      train: { ...miniV1Protocol.train, data: { ...miniV1Protocol.train.data, trainSize: 300, testSize: 400, validationSize: 200 }, epochs: 3 },
      pruning: { variant: 'remove', layers, interval: 1, score: 'l2', selection: 'largest' },
    };
    const run = await runReplica(python as string, { config, seed: 3 });
    expect(run.epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(run.framework).toMatchObject({ name: 'pytorch', threads: 1 });
    expect(run.events.map((e) => e.epoch)).toEqual([0, 1, 2]);
    const widths = { conv1: 16, conv4: 64 }; // vgg-mini at width 0.5: 8-16-16-32-64
    for (const [i, schedule] of layers.entries()) {
      const expected = layerEvents(schedule, { filters: widths[schedule.layer as keyof typeof widths], interval: 1 });
      const logged = run.events.flatMap((e) => e.layers.filter((l) => l.layer === schedule.layer).map((l) => l.keptAfter));
      expect(logged, `layer ${i}`).toEqual(expected.map((e) => e.keep));
    }
    const removed = new Set<number>();
    for (const event of run.events) {
      expect(event.stability).toBeCloseTo(100 * (1 - (event.tPre - event.tPost) / event.tPre), 10);
      for (const f of event.layers.find((l) => l.layer === 'conv4')?.filters ?? []) {
        expect(removed.has(f)).toBe(false);
        removed.add(f);
      }
    }
    expect(run.events.at(-1)?.tPost).toBe(run.epochs.at(-1)?.testAccuracy);
    expect(metricRegistry.best(run, { start: 2 })).toBe(run.epochs[2].testAccuracy);
    expect(metricRegistry.stability(run, { start: 0 })).toBeGreaterThan(0);
    await expect(runReplica(python as string, { config: { ...config, pruning: { ...config.pruning, variant: 'gaussian' } }, seed: 3 })).rejects.toThrow(
      /pruning.variant: "gaussian" is not replicated; allowed: none, remove/,
    );
  });
});
