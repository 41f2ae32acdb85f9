import { sampleCorrelation } from 'simple-statistics';
import { pValueFromSurvival, type Alternative } from './alternative.js';
import type { CorrelationResult } from './correlationResult.js';
import { studentTSf } from './distributions.js';
import { fisherZInterval } from './fisherZInterval.js';
import { averageRanks } from './ranks.js';

/**
 * Spearman's ρ: Pearson's r of average ranks, the t approximation for p (as scipy's `spearmanr`),
 * and a Fisher-z CI with the Fieller–Hartley–Pearson standard error √(1.06/(n − 3))
 * (https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient).
 *
 * @example
 * ```ts
 * spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).statistic; // 0.8
 * ```
 */
export function spearman(x: readonly number[], y: readonly number[], options: { alternative?: Alternative; level?: number } = {}): CorrelationResult {
  if (x.length !== y.length || x.length < 3) throw new Error(`spearman: needs two samples of equal length ≥ 3 (got ${x.length} and ${y.length})`);
  const n = x.length;
  const rho = Math.max(-1, Math.min(1, sampleCorrelation(averageRanks(x).ranks, averageRanks(y).ranks)));
  const t = Math.abs(rho) === 1 ? Math.sign(rho) * Infinity : rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return {
    statistic: rho,
    pValue: pValueFromSurvival((v) => studentTSf(v, n - 2), t, options.alternative ?? 'two-sided'),
    n,
    ci: fisherZInterval(rho, n, { level: options.level, seScale: Math.sqrt(1.06) }),
  };
}
