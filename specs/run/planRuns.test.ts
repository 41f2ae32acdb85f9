import { describe, expect, it } from 'vitest';
import { planRuns, type PlanOptions, type StoreView } from '../../src/run/planRuns.js';
import type { RunConfig } from '../../src/results/runConfig.js';
import { trainingTwin } from '../../src/run/trainingTwin.js';
import { runKey } from '../../src/store/runKey.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

const train = { ...tinyTrainConfig, epochs: 6 };
const none: RunConfig = {
  train,
  pruning: { variant: 'none', selection: 'smallest', score: 'l2', interval: 1, layers: [{ layer: 'conv4', fraction: 0.5, start: 2, end: 3 }] },
};
const pruned = (start: number): RunConfig => ({
  train,
  pruning: { ...none.pruning, variant: 'remove', layers: [{ layer: 'conv4', fraction: 0.5, start, end: start + 1 }] },
});
const flat: RunConfig = { ...pruned(2), flatness: { examples: 32, topK: 1, iterations: 2 } };
const levers: PlanOptions = { backend: 'wasm', prefixCheckpoints: true, finalStates: true, finalStateBytes: 16e6 };
const empty: StoreView = { hasRun: () => false, hasFinalState: () => false };
const key = (config: RunConfig, seed = 1) => runKey({ config, seed, backend: 'wasm' });
const request = (config: RunConfig, seed = 1) => ({ config, seed, label: 'r' });

describe('planRuns (pure: no training, no files)', () => {
  it('plans each missing run once, in request order, and only reads what the store holds', () => {
    const plan = planRuns([request(none), request(pruned(2)), request(none)], levers, { ...empty, hasRun: (k) => k === key(pruned(2)) });
    expect(plan.keys).toEqual([key(none), key(pruned(2)), key(none)]);
    expect(plan.jobs.map((job) => job.key)).toEqual([key(none)]);
    expect(plan.stored).toBe(1);
    expect(plan.jobs[0]).toMatchObject({ backend: 'wasm', seed: 1 });
    // a job crosses to a worker as JSON, unchanged (an unpruned run's inert epochs are infinite; its job's are not)
    expect(JSON.parse(JSON.stringify(plan.jobs))).toEqual(plan.jobs);
    expect(plan.jobs[0].prefix).toEqual({ epochs: 6, alsoAfter: [2, 6] });
  });

  it('has every run of a prefix group store the checkpoints the others continue from', () => {
    const plan = planRuns([request(none), request(pruned(2)), request(pruned(4)), request(pruned(4), 2)], levers, empty);
    expect(plan.jobs.map((job) => job.prefix)).toEqual([
      { epochs: 6, alsoAfter: [2, 4, 6] },
      { epochs: 2, alsoAfter: [2, 4, 6] },
      { epochs: 4, alsoAfter: [2, 4, 6] },
      { epochs: 4, alsoAfter: [4] },
    ]);
    expect(planRuns([request(none)], { ...levers, prefixCheckpoints: false }, empty).jobs[0].prefix).toBeUndefined();
  });

  it('gives a flatness run its training twin, planned first and keeping its state whatever its size', () => {
    const plan = planRuns([request(flat), request(none)], levers, empty);
    const twin = key(trainingTwin(flat));
    expect(plan.keys).toEqual([key(flat), key(none)]);
    expect(plan.jobs.map((job) => job.key)).toEqual([key(none), twin, key(flat)]);
    expect(plan.jobs[1].keepFinalState).toEqual({ maxBytes: undefined });
    expect(plan.jobs[0].keepFinalState).toEqual({ maxBytes: 16e6 });
    expect(plan.jobs[2]).toMatchObject({ twinKey: twin, keepFinalState: undefined });
  });

  it('leaves a flatness run to train when its twin is stored without its state, or final states are off', () => {
    const twin = key(trainingTwin(flat));
    const stored = planRuns([request(flat)], levers, { hasRun: (k) => k === twin, hasFinalState: () => false });
    expect(stored.jobs.map((job) => [job.key, job.twinKey])).toEqual([[key(flat), undefined]]);
    const kept = planRuns([request(flat)], levers, { hasRun: (k) => k === twin, hasFinalState: (k) => k === twin });
    expect(kept.jobs.map((job) => job.twinKey)).toEqual([twin]);
    const off = planRuns([request(flat)], { ...levers, finalStates: false }, empty);
    expect(off.jobs.map((job) => [job.key, job.twinKey, job.keepFinalState])).toEqual([[key(flat), undefined, undefined]]);
  });
});
