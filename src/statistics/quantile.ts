/**
 * The q-quantile (0 ≤ q ≤ 1) of values sorted ascending, with linear interpolation between order statistics (numpy's
 * default, type 7). NaN when there are no values.
 *
 * @example
 * sortedQuantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}
