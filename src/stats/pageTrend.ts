import { normalSf } from './distributions.js';
import { averageRanks } from './ranks.js';

/** Result of {@link pageTrend}. */
export interface PageResult {
  /** L = Σ over blocks and treatments of predicted rank × observed within-block rank. */
  readonly statistic: number;
  /** One-sided: small when the observed ranks follow the predicted ones. */
  readonly pValue: number;
  readonly method: 'exact' | 'normal';
}

/** Null distribution of one block's Σ pᵢ·rᵢ over the k! rank permutations, as counts per value. */
function blockCounts(k: number): Map<number, number> {
  const counts = new Map<number, number>();
  const ranks = Array.from({ length: k }, (_, i) => i + 1);
  const permute = (at: number) => {
    if (at === k) {
      const l = ranks.reduce((s, r, i) => s + (i + 1) * r, 0);
      counts.set(l, (counts.get(l) ?? 0) + 1);
      return;
    }
    for (let i = at; i < k; i++) {
      [ranks[at], ranks[i]] = [ranks[i], ranks[at]];
      permute(at + 1);
      [ranks[at], ranks[i]] = [ranks[i], ranks[at]];
    }
  };
  permute(0);
  return counts;
}

/** P(L ≥ l) under the null for m blocks of k treatments: the m-fold convolution of one block's distribution. */
function exactUpperTail(l: number, m: number, k: number): number {
  const counts = blockCounts(k);
  const perms = [...counts.values()].reduce((s, c) => s + c, 0);
  const one = [...counts].map(([v, c]) => [v, c / perms] as const);
  let dist = new Map<number, number>([[0, 1]]);
  for (let b = 0; b < m; b++) {
    const next = new Map<number, number>();
    for (const [s, p] of dist) for (const [v, q] of one) next.set(s + v, (next.get(s + v) ?? 0) + p * q);
    dist = next;
  }
  let tail = 0;
  for (const [s, p] of dist) if (s >= l) tail += p;
  return tail;
}

/**
 * Page's L test for an ordered alternative in blocked data (Page 1963,
 * https://en.wikipedia.org/wiki/Page%27s_trend_test), as SciPy's `page_trend_test`: `blocks[i][j]` is
 * treatment j in block i (here: arm j at seed i); values are ranked within each block (ties share the
 * mean rank), and L = Σᵢ Σⱼ predictedRanks[j] · rank[i][j]. The alternative is that observed ranks
 * increase with the predicted ones. Exact null distribution (floor of L, as SciPy, conservative with
 * ties) when k ≤ 8 and not (m > 12 and k > 3) and m ≤ 20, else the normal approximation
 * Λ = (L − mk(k+1)²/4)/√(mk²(k+1)(k²−1)/144).
 *
 * @example
 * ```ts
 * pageTrend([[1, 2, 3], [1, 3, 2], [2, 1, 3]]).statistic; // 40 (scipy.stats.page_trend_test)
 * ```
 */
export function pageTrend(blocks: readonly (readonly number[])[], options: { predictedRanks?: readonly number[] } = {}): PageResult {
  const m = blocks.length;
  const k = blocks[0]?.length ?? 0;
  if (m < 1 || k < 2 || blocks.some((b) => b.length !== k))
    throw new Error(`pageTrend: needs ≥ 1 block of ≥ 2 treatments, all of equal size (got ${m} blocks of sizes ${blocks.map((b) => b.length).join(', ')})`);
  const predicted = options.predictedRanks ?? Array.from({ length: k }, (_, j) => j + 1);
  const expected = Array.from({ length: k }, (_, j) => j + 1).join();
  if ([...predicted].sort((x, y) => x - y).join() !== expected)
    throw new Error(`pageTrend: predictedRanks must hold each of 1…${k} once (got ${predicted.join(', ')})`);
  const statistic = blocks.reduce((l, block) => l + averageRanks(block).ranks.reduce((s, r, j) => s + predicted[j] * r, 0), 0);
  const exact = k <= 8 && !(m > 12 && k > 3) && m <= 20;
  if (exact) return { statistic, pValue: Math.min(1, exactUpperTail(Math.floor(statistic), m, k)), method: 'exact' };
  const e0 = (m * k * (k + 1) ** 2) / 4;
  const v0 = (m * k ** 2 * (k + 1) * (k ** 2 - 1)) / 144;
  return { statistic, pValue: normalSf((statistic - e0) / Math.sqrt(v0)), method: 'normal' };
}
