/**
 * Fleiss' κ for several raters assigning categories: `counts[item][category]` is how many raters put the item in the
 * category; every item must have the same number of ratings, at least 2. `null` when it is undefined (no items, or
 * every rating in one category, so chance agreement is 1).
 *
 * @example
 * fleissKappa([[2, 0], [0, 2], [1, 1]]) // 0.333…
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const raters = sum(counts[0]);
  if (raters < 2) return null;
  const categories = Math.max(...counts.map((row) => row.length));
  const totals = new Array<number>(categories).fill(0);
  let observed = 0;
  for (const row of counts) {
    if (sum(row) !== raters) throw new RangeError(`Fleiss' κ needs the same number of ratings per item: ${sum(row)} ≠ ${raters}`);
    row.forEach((count, category) => (totals[category] += count));
    observed += (row.reduce((total, count) => total + count * count, 0) - raters) / (raters * (raters - 1));
  }
  observed /= counts.length;
  const expected = totals.reduce((total, count) => total + (count / (counts.length * raters)) ** 2, 0);
  if (expected >= 1 - 1e-12) return null;
  return (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's α with the interval metric (squared differences), for any number of values per unit; units with
 * fewer than two values are not pairable and left out. `null` when it is undefined (fewer than two pairable units'
 * values, or no variation at all).
 *
 * @example
 * krippendorffAlphaInterval([[1, 1], [3, 3], [5, 4]]) // 0.935…
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const values = pairable.flat();
  const total = values.length;
  if (total < 2) return null;
  let observed = 0;
  for (const unit of pairable) {
    let squared = 0;
    for (let first = 0; first < unit.length; first++) {
      for (let second = 0; second < unit.length; second++) squared += (unit[first] - unit[second]) ** 2;
    }
    observed += squared / (unit.length - 1);
  }
  observed /= total;
  // Σ over ordered pairs of all values of (a − b)² = 2·N·Σ(v − mean)².
  const mean = sum(values) / total;
  const expected = (2 * total * values.reduce((accumulated, value) => accumulated + (value - mean) ** 2, 0)) / (total * (total - 1));
  if (expected <= 1e-12) return null;
  return 1 - observed / expected;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
