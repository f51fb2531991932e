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
  const categories = counts.reduce((most, row) => Math.max(most, row.length), 0);
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

/** The level of measurement of Krippendorff's α: which difference function δ compares two values. */
export type AlphaLevel = 'nominal' | 'interval';

type AlphaValue<Level extends AlphaLevel> = Level extends 'interval' ? number : string | number;

/**
 * Σ over ordered pairs (i ≠ j) of δ(vᵢ, vⱼ), in O(m): nominal δ is 0/1 (pairs minus agreeing pairs); interval δ is the
 * squared difference (Σ (a − b)² over ordered pairs = 2·m·Σ (v − mean)²).
 */
const pairDisagreement: { [Level in AlphaLevel]: (values: readonly AlphaValue<Level>[]) => number } = {
  nominal(values) {
    const counts = new Map<string | number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    let agreeing = 0;
    for (const count of counts.values()) agreeing += count * (count - 1);
    return values.length * (values.length - 1) - agreeing;
  },
  interval(values) {
    const mean = sum(values) / values.length;
    return 2 * values.length * values.reduce((total, value) => total + (value - mean) ** 2, 0);
  },
};

/**
 * Krippendorff's α for any number of raters and missing values: `units[i]` holds the values unit i received, compared
 * with the nominal (same / different) or interval (squared difference) metric. Units with fewer than two values are not
 * pairable and left out. `null` when it is undefined (fewer than two pairable values, or no variation at all).
 * α = 1 − D_o / D_e, D_o = Σ_u Σ_{i≠j∈u} δ / (m_u − 1) / n, D_e = Σ_{i≠j} δ / (n(n − 1)) (Krippendorff 2011).
 *
 * @example
 * krippendorffAlpha([['a', 'a'], ['b', 'b'], ['a', 'b']], 'nominal') // 0.444…
 * krippendorffAlpha([[1, 1], [3, 3], [5, 4]], 'interval') // 0.935…
 */
export function krippendorffAlpha<Level extends AlphaLevel>(units: readonly (readonly AlphaValue<Level>[])[], level: Level): number | null {
  const disagreement = pairDisagreement[level] as (values: readonly AlphaValue<Level>[]) => number;
  const pairable = units.filter((values) => values.length >= 2);
  let total = 0;
  let observed = 0;
  for (const unit of pairable) {
    observed += disagreement(unit) / (unit.length - 1);
    total += unit.length;
  }
  if (total < 2) return null;
  const expected = disagreement(pairable.flat() as AlphaValue<Level>[]);
  if (expected / (total * (total - 1)) <= 1e-12) return null;
  return 1 - ((total - 1) * observed) / expected;
}

/**
 * Krippendorff's α with the nominal metric (see {@link krippendorffAlpha}).
 *
 * @example
 * krippendorffAlphaNominal([['a', 'a'], ['b', 'b'], ['a', 'b']]) // 0.444…
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): number | null {
  return krippendorffAlpha(units, 'nominal');
}

/**
 * Krippendorff's α with the interval metric (see {@link krippendorffAlpha}).
 *
 * @example
 * krippendorffAlphaInterval([[1, 1], [3, 3], [5, 4]]) // 0.935…
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number | null {
  return krippendorffAlpha(units, 'interval');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
