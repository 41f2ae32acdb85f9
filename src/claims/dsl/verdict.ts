/** The four verdicts, in order of precedence (docs/methods/verdicts.md, section 4). */
export const verdicts = ['supported', 'contradicted', 'absent', 'not shown'] as const;

export type Verdict = (typeof verdicts)[number];
