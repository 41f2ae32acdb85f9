/** The five outcomes of a comparison, and a claim's word (docs/methods/verdicts.md §9.1, §9.2). */
export const verdicts = ['supported', 'contradicted', 'below minimum', 'absent', 'not shown'] as const;

export type Verdict = (typeof verdicts)[number];
