import type { Verdict } from '../claims/dsl/verdict.js';

/** Fill of each verdict in every picture (the heat maps of claim maps, the verdicts picture). */
export const verdictColor = {
  supported: '#8fd19e',
  contradicted: '#f19a9a',
  'below minimum': '#c9b3e6',
  absent: '#a9c7ee',
  'not shown': '#f3d98b',
} as const satisfies Record<Verdict, string>;
