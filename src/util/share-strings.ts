/**
 * Makes records share one string per repeated value of the given fields (JSON parsing makes a new string for every
 * value, so a million rows with the same country hold a million copies of it). `lists` are fields holding arrays of
 * strings (options), shared element by element. Each sharer keeps its own pool; the records are changed in place.
 *
 * @example
 * const share = stringSharer<Item>(['language', 'country'], ['choices']);
 * const items = parsed.map(share);
 */
export function stringSharer<T extends object>(fields: readonly string[], lists: readonly string[] = []): (record: T) => T {
  const strings = new Map<string, string>();
  const share = (value: string) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  return (record) => {
    const values = record as Record<string, unknown>;
    for (const field of fields) {
      const value = values[field];
      if (typeof value === 'string') values[field] = share(value);
    }
    for (const field of lists) {
      const list = values[field];
      if (Array.isArray(list)) values[field] = list.map((value) => (typeof value === 'string' ? share(value) : value));
    }
    return record;
  };
}
