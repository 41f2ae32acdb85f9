import { describe, expect, it } from 'vitest';
import { crosscheckMargins, crosscheckTable } from '../../src/bench/crosscheckTable.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { syntheticRun } from '../support/syntheticRuns.js';

/** Seed-matched runs of one arm in two frameworks: a shared per-seed part (the data draw) plus each framework's own noise. */
function pairedArm(options: { n: number; rng: SeededRandom; shift: number; sd: number; shared: number }) {
  const engine = [];
  const replica = [];
  for (let seed = 0; seed < options.n; seed++) {
    const common = 0.7 + options.shared * options.rng.normal();
    engine.push(syntheticRun({ seed, stability: 80, best: common + options.sd * options.rng.normal() }));
    replica.push(syntheticRun({ seed, stability: 80, best: common + options.shift + options.sd * options.rng.normal() }));
  }
  return { arm: 'Prune_L 13%', engine, replica };
}

describe('crosscheckTable', () => {
  it('pairs by seed: tight agreement is equivalent, a 3-point shift differs; stability is left out of an arm that never prunes', () => {
    const rng = new SeededRandom(4);
    const close = crosscheckTable([pairedArm({ n: 20, rng, shift: 0, sd: 0.003, shared: 0.02 })]);
    expect(close.find((r) => r.metric === 'best')).toMatchObject({ equivalent: true, differs: false, n: 20, margin: 0.015 });
    const shifted = crosscheckTable([pairedArm({ n: 20, rng, shift: -0.03, sd: 0.003, shared: 0.02 })]).find((r) => r.metric === 'best');
    expect(shifted).toMatchObject({ equivalent: false, differs: true });
    expect(shifted?.difference).toBeCloseTo(0.03, 2);
    const unpruned = [syntheticRun({ seed: 1, stability: 100, best: 0.7 }), syntheticRun({ seed: 2, stability: 100, best: 0.71 })];
    expect(crosscheckTable([{ arm: 'no pruning', engine: unpruned, replica: unpruned }]).map((r) => r.metric)).toEqual(['best', 'final', 'gap']);
  });

  it('refuses runs that are not on the same seeds', () => {
    const a = [syntheticRun({ seed: 1, stability: 90, best: 0.7 }), syntheticRun({ seed: 2, stability: 90, best: 0.7 })];
    const b = [syntheticRun({ seed: 1, stability: 90, best: 0.7 }), syntheticRun({ seed: 3, stability: 90, best: 0.7 })];
    expect(() => crosscheckTable([{ arm: 'x', engine: a, replica: b }])).toThrow(/crosscheck arm 'x': the replica lacks seeds 2/);
  });

  it('keeps its error rates under seed-matched (correlated) pairs: "equivalent" at a true difference equal to the margin and "differs" at none, each ≤ α + 3 SE over 2,000 trials', () => {
    const rng = new SeededRandom(18);
    const trials = 2000;
    let equivalentAtMargin = 0;
    let differsAtNone = 0;
    for (let t = 0; t < trials; t++) {
      // the shared part (sd 2 points) dwarfs each framework's own noise (sd 1 point): strong positive correlation
      const atMargin = crosscheckTable([pairedArm({ n: 10, rng, shift: crosscheckMargins.best, sd: 0.01, shared: 0.02 })]).find((r) => r.metric === 'best');
      const atNone = crosscheckTable([pairedArm({ n: 10, rng, shift: 0, sd: 0.01, shared: 0.02 })]).find((r) => r.metric === 'best');
      if (atMargin?.equivalent) equivalentAtMargin += 1;
      if (atNone?.pDifference !== undefined && atNone.pDifference <= 0.05) differsAtNone += 1;
    }
    const bound = 0.05 + 3 * Math.sqrt((0.05 * 0.95) / trials);
    console.warn(
      `crosscheck error rates over ${trials} trials: equivalent at the margin ${equivalentAtMargin / trials}, differs at 0 ${differsAtNone / trials}`,
    );
    expect(equivalentAtMargin / trials).toBeLessThanOrEqual(bound);
    expect(differsAtNone / trials).toBeLessThanOrEqual(bound);
  });
});
