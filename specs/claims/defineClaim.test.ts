import { describe, expect, it } from 'vitest';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import { defineClaim } from '../../src/claims/dsl/defineClaim.js';

describe('defineClaim', () => {
  it("types the hypothesis by the claim's arm ids: a misspelt arm does not compile (tsc --noEmit runs in npm test)", () => {
    const ok = defineClaim({
      id: 'ok',
      title: 'ok',
      paperClaim: 'Claim 7',
      arms: { l13: paperArms.pruneLLarge, scratch: paperArms.scratch },
      hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'scratch' },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    });
    const misspelt = () =>
      defineClaim({
        id: 'misspelt',
        title: 'misspelt',
        paperClaim: 'Claim 7',
        arms: { l13: paperArms.pruneLLarge, scratch: paperArms.scratch },
        // @ts-expect-error 'scrach' is not an arm of this claim
        hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'scrach' },
        minEffect: { measure: 'hedges-g', value: 0.5 },
      });
    const order = () =>
      defineClaim({
        id: 'order',
        title: 'order',
        paperClaim: 'Claim 1',
        arms: { none: paperArms.baseline, s1: paperArms.pruneSSmall },
        // @ts-expect-error 's13' is not an arm of this claim
        hypothesis: { kind: 'ordered', metric: 'stability', order: ['none', 's1', 's13'] },
        minEffect: { measure: 'hedges-g', value: 0.5 },
      });
    expect(ok.id).toBe('ok');
    // and at run time, where vitest does not type-check: the claim, the field, the value and what is allowed
    expect(misspelt).toThrow("claim 'misspelt': hypothesis.than is \"scrach\"; allowed: the claim's arms: l13, scratch");
    expect(order).toThrow("claim 'order': hypothesis.order[2] is \"s13\"; allowed: the claim's arms: none, s1");
  });
});
