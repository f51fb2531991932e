/**
 * Average ranks (1-based; tied values share the mean of their ranks), as scipy.stats.rankdata.
 *
 * @example
 * averageRanks([10, 20, 20, 5]) // [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let index = start; index < end; index++) ranks[order[index]] = rank;
    start = end;
  }
  return ranks;
}

/**
 * The sizes of the groups of equal values (untied values are groups of 1), in ascending order of value: the `t` of
 * every tie correction (Σ t³ − t for rank tests, Σ t(t − 1)/2 tied pairs for Kendall's τ).
 *
 * @example
 * tieGroupSizes([3, 1, 3, 2, 3]) // [1, 1, 3]
 */
export function tieGroupSizes(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const sizes: number[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    sizes.push(end - start);
    start = end;
  }
  return sizes;
}
