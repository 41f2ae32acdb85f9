import type { ClaimsDocument } from './claimsDocument.js';
import { erroredName } from './erroredClaim.js';
import { escapeHtml } from './escapeHtml.js';
import { boundaryText, decidingLabel, designPowerText, repeatedCiText } from '../claims/decisionText.js';

const escape = escapeHtml;

/** JUnit XML of the claims: a claim whose test failed is a `<failure>` with its verdict line; one that errored (or a file that failed to import) an `<error>` with its message. */
export function junitXml(doc: ClaimsDocument): string {
  const errored = doc.errored ?? [];
  const failures = doc.claims.filter((c) => !c.testPassed).length;
  const tests = doc.claims.length + errored.length;
  const errors = errored.map(
    (e) =>
      `    <testcase classname="claims.${escape(e.file)}" name="${escape(erroredName(e))}" time="0.000"><error message="${escape(e.message)}" type="${e.kind === 'file' ? 'import' : 'claim'}"/></testcase>`,
  );
  const cases = doc.claims.map((c) => {
    const v = c.verdicts[0];
    const e = v.decision.effect;
    const detail = `${c.verdict} on ${v.metric} (${v.design}, ${v.main.test}), deciding ${decidingLabel(c)}: ${boundaryText(c)}; ${e.name}=${e.value} [${e.ci.lower}, ${e.ci.upper}], repeated CI ${repeatedCiText(c)}; design power ${designPowerText(c)}; p=${v.main.pValue}, adjusted ${v.pAdjusted}, equivalence adjusted ${v.equivalence.pAdjusted}${c.control ? ' (A/A control)' : ''}`;
    const body = c.testPassed ? `<system-out>${escape(detail)}</system-out>` : `<failure message="${escape(detail)}"/>`;
    return `    <testcase classname="claims.${escape(c.profile)}" name="${escape(`${c.id}: ${c.title}`)}" time="${c.durationSeconds.toFixed(3)}">${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gst-harness claims" tests="${tests}" failures="${failures}" errors="${errored.length}" time="${doc.durationSeconds.toFixed(3)}">`,
    `  <testsuite name="tradeoff" tests="${tests}" failures="${failures}" errors="${errored.length}" timestamp="${doc.generatedAt}">`,
    ...cases,
    ...errors,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
