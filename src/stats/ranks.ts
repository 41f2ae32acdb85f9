/**
 * Average ranks (1-based, ties share the mean of their positions) and the tie groups' sizes,
 * as used by rank tests and rank correlations.
 *
 * @example
 * ```ts
 * averageRanks([10, 20, 20, 5]); // { ranks: [2, 3.5, 3.5, 1], tieSizes: [2] }
 * ```
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    if (j > i) tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}
