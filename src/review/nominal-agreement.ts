/**
 * Cohen's κ for two raters on nominal categories: `pairs[i]` holds both raters' labels for unit i. `null` when it is
 * undefined (no units, or both raters always use the one same category, so chance agreement is 1).
 *
 * @example
 * cohenKappa([['accept', 'accept'], ['accept', 'reject'], ['reject', 'reject'], ['accept', 'accept']]) // 0.5
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  if (pairs.length === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [left, right] of pairs) {
    if (left === right) agreed++;
    first.set(left, (first.get(left) ?? 0) + 1);
    second.set(right, (second.get(right) ?? 0) + 1);
  }
  const total = pairs.length;
  const observed = agreed / total;
  let expected = 0;
  for (const [category, count] of first) expected += (count / total) * ((second.get(category) ?? 0) / total);
  if (expected >= 1 - 1e-12) return null;
  return (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's α with the nominal metric, for any number of raters and missing values: `units[i]` holds the labels
 * unit i received. Units with fewer than two labels are not pairable and left out. `null` when it is undefined (fewer
 * than two pairable values, or a single category throughout).
 *
 * @example
 * krippendorffAlphaNominal([['a', 'a'], ['b', 'b'], ['a', 'b']]) // 0.444…
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): number | null {
  const pairable = units.filter((labels) => labels.length >= 2);
  const totals = new Map<string, number>();
  let total = 0;
  let disagreement = 0;
  for (const labels of pairable) {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    let agreeingPairs = 0;
    for (const [label, count] of counts) {
      totals.set(label, (totals.get(label) ?? 0) + count);
      agreeingPairs += count * (count - 1);
    }
    const size = labels.length;
    disagreement += (size * (size - 1) - agreeingPairs) / (size - 1);
    total += size;
  }
  if (total < 2) return null;
  let expectedPairs = total * (total - 1);
  for (const count of totals.values()) expectedPairs -= count * (count - 1);
  if (expectedPairs <= 0) return null;
  return 1 - ((total - 1) * disagreement) / expectedPairs;
}
