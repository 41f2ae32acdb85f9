import { expect } from 'vitest';
import type { ClaimMap } from '../maps/claimMap.js';
import type { ClaimReport } from '../claimReport.js';
import { passesAsTest } from '../decide/decisionRule.js';
import { boundaryText, decidingLabel, designPowerText, glanceText, repeatedCiText } from '../decisionText.js';

/** One line describing a claim's deciding verdict: in failure messages, and as the claim test's annotation. */
export function describeVerdict(report: ClaimReport): string {
  const v = report.verdicts[0];
  const e = v.main.effect;
  const glance = glanceText(report, { compact: true });
  return (
    `${report.id}: ${report.verdict} on '${v.metric}'${glance ? ` [${glance}]` : ''} (${v.design}, ${v.main.test}: p = ${v.main.pValue.toExponential(2)}, adjusted ${v.pAdjusted.toExponential(2)} vs α = ${report.alpha}; equivalence adjusted p ${v.equivalence.pAdjusted.toExponential(2)}; ` +
    `${e.name} = ${e.value.toFixed(3)} [${e.ci.lower.toFixed(3)}, ${e.ci.upper.toFixed(3)}], minimum ${report.minEffect.value} (${report.minEffect.measure}); ` +
    `deciding ${decidingLabel(report)}: ${boundaryText(report)}, repeated CI ${repeatedCiText(report)}; design power ${designPowerText(report)}; n ${JSON.stringify(v.n)})`
  );
}

expect.extend({
  /** Passes when the claim's deciding verdict is `supported`. */
  toBeSupported(received: ClaimReport) {
    return {
      pass: received.verdict === 'supported',
      message: () =>
        this.isNot ? `expected claim not to be supported: ${describeVerdict(received)}` : `expected claim to be supported: ${describeVerdict(received)}`,
    };
  },
  /** An A/A control passes when it is neither `supported` nor `contradicted` (either happens with probability ≤ α per claim). */
  toPassAsControl(received: ClaimReport) {
    return {
      pass: passesAsTest({ verdict: received.verdict, control: true }),
      message: () => `expected the A/A control to come out absent or not shown (a false alarm happens at most α of the time): ${describeVerdict(received)}`,
    };
  },
  /** Passes when the claim's deciding verdict is the given one. */
  toHaveVerdict(received: ClaimReport, verdict: ClaimReport['verdict']) {
    return {
      pass: received.verdict === verdict,
      message: () => `expected verdict '${verdict}', got ${describeVerdict(received)}`,
    };
  },
});

interface ClaimMatchers<R = unknown> {
  toBeSupported(): R;
  toPassAsControl(): R;
  toHaveVerdict(verdict: ClaimReport['verdict']): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends ClaimMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends ClaimMatchers {}
  interface TaskMeta {
    /** Set when a claim's test starts: a test that ends without `claim` errored (the reporter lists it as such). */
    claimDeclared?: { readonly id: string; readonly title: string };
    claim?: ClaimReport;
    claimMap?: ClaimMap;
  }
}
