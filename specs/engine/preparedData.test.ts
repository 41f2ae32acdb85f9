import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochBatches } from '../../src/engine/data/batches.js';
import { loadFixtureDataset } from '../../src/engine/data/fixtureDatasets.js';
import { prepareData } from '../../src/engine/data/preparedData.js';

const fashion = loadFixtureDataset('fashion-mnist-16');

describe('shipped fixtures', () => {
  it('hold real Fashion-MNIST images: 10 balanced-ish classes, 16×16 with a zero border', () => {
    expect(fashion.shape).toEqual([16, 16, 1]);
    expect(fashion.train.count).toBe(10_000);
    expect(fashion.test.count).toBe(2_000);
    const counts = new Array(10).fill(0);
    for (const l of fashion.train.labels) counts[l] += 1;
    expect(Math.min(...counts)).toBeGreaterThan(900);
    expect(fashion.train.images.slice(0, 16).every((v) => v === 0)).toBe(true);
    expect(Math.max(...fashion.train.images.slice(0, 256))).toBeGreaterThan(100);
    expect(loadFixtureDataset('fashion-mnist-28').shape).toEqual([28, 28, 1]);
  });
});

describe('prepareData', () => {
  it('replaces exactly round(noise·n) labels, seeded, and is deterministic', () => {
    const config = { name: 'fashion-mnist-16', trainSize: 1000, labelNoise: 0.2 } as const;
    const a = prepareData(fashion, config, 4);
    const b = prepareData(fashion, config, 4);
    const c = prepareData(fashion, config, 5);
    expect(a.noisyIndices).toHaveLength(200);
    expect(b.noisyIndices).toEqual(a.noisyIndices);
    expect(b.train.y).toEqual(a.train.y);
    expect(c.noisyIndices).not.toEqual(a.noisyIndices);
    const clean = prepareData(fashion, { ...config, labelNoise: 0 }, 4);
    const changed = clean.train.y.filter((y, i) => y !== a.train.y[i]).length;
    // a random label equals the true one 10% of the time
    expect(changed).toBeGreaterThan(140);
    expect(changed).toBeLessThanOrEqual(200);
  });

  it('standardises to mean ≈ 0 and sd ≈ 1 over the training split', () => {
    const d = prepareData(fashion, { name: 'fashion-mnist-16' }, 0);
    const mean = d.train.x.reduce((s, v) => s + v, 0) / d.train.x.length;
    const sd = Math.sqrt(d.train.x.reduce((s, v) => s + (v - mean) ** 2, 0) / d.train.x.length);
    expect(Math.abs(mean)).toBeLessThan(1e-3);
    expect(Math.abs(sd - 1)).toBeLessThan(1e-3);
  });

  it('splits validation from test stratified by class, disjoint and complete', () => {
    const d = prepareData(fashion, { name: 'fashion-mnist-16', testSize: 2000, validationSize: 1000 }, 9);
    expect(d.validation?.count).toBe(1000);
    expect(d.test.count).toBe(1000);
    const perClass = new Array(10).fill(0);
    for (const y of d.validation?.y ?? []) perClass[y] += 1;
    const full = new Array(10).fill(0);
    for (const y of fashion.test.labels) full[y] += 1;
    perClass.forEach((n, k) => expect(Math.abs(n - full[k] / 2)).toBeLessThanOrEqual(1));
  });

  it('epoch batches visit every training example exactly once, for any batch size', () => {
    const d = prepareData(fashion, { name: 'fashion-mnist-16', trainSize: 300 }, 1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(50), fc.boolean(), (batchSize, epoch, augment) => {
        const labels: number[] = [];
        let total = 0;
        for (const b of epochBatches({ split: d.train, shape: d.shape, batchSize, seed: 1, epoch, augment })) {
          expect(b.x.length).toBe(b.size * 256);
          total += b.size;
          labels.push(...b.y);
        }
        expect(total).toBe(300);
        expect(labels.sort()).toEqual([...d.train.y].sort());
      }),
      { numRuns: 30, seed: 3 },
    );
  });
});
