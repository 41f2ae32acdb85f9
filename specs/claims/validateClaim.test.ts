import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimDefinition } from '../../src/claims/dsl/claimDefinition.js';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import { ClaimDefinitionError, minimumEffectMeasures, validateClaim } from '../../src/claims/dsl/validateClaim.js';
import { evaluateClaim } from '../../src/claims/evaluateClaim.js';
import { metricRegistry } from '../../src/readings/runMetrics.js';

const metrics = Object.keys(metricRegistry) as (keyof typeof metricRegistry)[];
const armPool = Object.entries(paperArms);

/** Valid definitions of every hypothesis kind over 2–4 of the paper's arms. */
const validDefinition: fc.Arbitrary<ClaimDefinition> = fc
  .record({
    arms: fc.shuffledSubarray(armPool, { minLength: 2, maxLength: 4 }),
    kind: fc.constantFrom('greater', 'ordered', 'correlation', 'below'),
    metric: fc.constantFrom(...metrics),
    second: fc.constantFrom(...metrics),
    alpha: fc.option(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), { nil: undefined }),
    effect: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    measureIndex: fc.nat(),
    seedsPerArm: fc.option(fc.integer({ min: 2, max: 200 }), { nil: undefined }),
    value: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  })
  .map(({ arms, kind, metric, second, alpha, effect, measureIndex, seedsPerArm, value }) => {
    const ids = arms.map(([id]) => id);
    const hypothesis =
      kind === 'greater'
        ? { kind, metric, arm: ids[0], than: ids[1] }
        : kind === 'ordered'
          ? { kind, metric, order: ids }
          : kind === 'correlation'
            ? { kind, x: metric, y: second, arms: ids, sign: 'negative' as const }
            : { kind, metric, arm: ids[0], value };
    const measures = minimumEffectMeasures[kind];
    return {
      id: `claim-${kind}`,
      title: 'a claim',
      paperClaim: 'Claim 1: …',
      arms: Object.fromEntries(arms),
      hypothesis,
      ...(alpha === undefined ? {} : { alpha }),
      minEffect: { measure: measures[measureIndex % measures.length], value: effect },
      ...(seedsPerArm === undefined ? {} : { seedsPerArm }),
    } as ClaimDefinition;
  });

/** One wrong field each: the field the error must name, and how to break it. */
const mistakes: readonly [field: string, (d: ClaimDefinition) => unknown][] = [
  ['alpha', (d) => ({ ...d, alpha: 1.5 })],
  ['alpha', (d) => ({ ...d, alpha: 0 })],
  ['alpha', (d) => ({ ...d, alpha: Number.NaN })],
  ['minEffect.value', (d) => ({ ...d, minEffect: { ...d.minEffect, value: -1 } })],
  ['minEffect.value', (d) => ({ ...d, minEffect: { ...d.minEffect, value: 0 } })],
  ['minEffect.measure', (d) => ({ ...d, minEffect: { ...d.minEffect, measure: d.hypothesis.kind === 'correlation' ? 'hedges-g' : 'correlation' } })],
  [
    'hypothesis.',
    (d) => ({ ...d, hypothesis: d.hypothesis.kind === 'correlation' ? { ...d.hypothesis, y: 'stabilty' } : { ...d.hypothesis, metric: 'stabilty' } }),
  ],
  ['hypothesis.kind', (d) => ({ ...d, hypothesis: { ...d.hypothesis, kind: 'greatest' } })],
  [
    'hypothesis.',
    (d) => ({
      ...d,
      hypothesis:
        d.hypothesis.kind === 'ordered'
          ? { ...d.hypothesis, order: [...d.hypothesis.order, 'nobody'] }
          : d.hypothesis.kind === 'correlation'
            ? { ...d.hypothesis, arms: ['nobody'] }
            : { ...d.hypothesis, arm: 'nobody' },
    }),
  ],
  ['seedsPerArm', (d) => ({ ...d, seedsPerArm: 1 })],
  ['seedsPerArm', (d) => ({ ...d, seedsPerArm: 2.5 })],
  ['expectedToFail.minni', (d) => ({ ...d, expectedToFail: { minni: 'typo' } })],
  ['.variant', (d) => ({ ...d, arms: { ...d.arms, [Object.keys(d.arms)[0]]: { ...Object.values(d.arms)[0], variant: 'prune' } } })],
  ['id', (d) => ({ ...d, id: 'Has Spaces' })],
];

describe('validateClaim (a claim is checked completely when it is defined)', () => {
  it('accepts every valid definition of every hypothesis kind', () => {
    fc.assert(
      fc.property(validDefinition, (d) => {
        expect(() => validateClaim(d)).not.toThrow();
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('rejects every definition with one wrong field, naming the claim and that field', () => {
    fc.assert(
      fc.property(validDefinition, fc.constantFrom(...mistakes), (d, [field, mistake]) => {
        const broken = mistake(d) as ClaimDefinition;
        expect(() => validateClaim(broken)).toThrow(ClaimDefinitionError);
        expect(() => validateClaim(broken)).toThrow(`claim '${broken.id}': `);
        expect(() => validateClaim(broken)).toThrow(field);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('says what is allowed: the metrics for a misspelt metric, the range for α, the sign for a minimum effect', () => {
    const base = {
      id: 'misspelt',
      title: 't',
      paperClaim: 'Claim 1',
      arms: { a: paperArms.baseline, b: paperArms.pruneLLarge },
      hypothesis: { kind: 'greater', metric: 'best', arm: 'a', than: 'b' },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    } as ClaimDefinition;
    expect(() => validateClaim({ ...base, hypothesis: { kind: 'greater', metric: 'stabilty' as 'stability', arm: 'a', than: 'b' } })).toThrow(
      `claim 'misspelt': hypothesis.metric is "stabilty"; allowed: ${metrics.join(', ')}`,
    );
    expect(() => validateClaim({ ...base, alpha: 1.5 })).toThrow("claim 'misspelt': alpha is 1.5; allowed: a number in (0, 0.5]");
    expect(() => validateClaim({ ...base, minEffect: { measure: 'hedges-g', value: -1 } })).toThrow(
      "claim 'misspelt': minEffect.value is -1; allowed: a size in the claimed direction: a number > 0",
    );
  });

  it('stops evaluateClaim before any run is planned or trained (in milliseconds)', async () => {
    const started = performance.now();
    const definition = {
      id: 'typo',
      title: 't',
      paperClaim: 'Claim 1',
      arms: { a: paperArms.baseline, b: paperArms.pruneLLarge },
      hypothesis: { kind: 'greater', metric: 'stabilty', arm: 'a', than: 'b' },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    } as unknown as ClaimDefinition;
    await expect(evaluateClaim(definition)).rejects.toThrow('claim \'typo\': hypothesis.metric is "stabilty"');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
