/**
 * Per-series state (one model × condition) looked up for every result of a pass: results come ordered by series (the
 * store's cursor), so the last series found is checked first and the map (keyed `model\0condition`) is only consulted
 * when the series changes — no key string is built per result.
 *
 * @example
 * const groups = new SeriesCache<Group>();
 * const group = groups.get(row.model, row.condition, () => newGroup(row.model, row.condition));
 */
export class SeriesCache<T> {
  readonly map = new Map<string, T>();
  private lastModel: string | undefined;
  private lastCondition: string | undefined;
  private last: T | undefined;

  get(model: string, condition: string, create: () => T): T {
    if (this.last !== undefined && model === this.lastModel && condition === this.lastCondition) return this.last;
    const key = `${model}\u0000${condition}`;
    let value = this.map.get(key);
    if (value === undefined) this.map.set(key, (value = create()));
    this.lastModel = model;
    this.lastCondition = condition;
    this.last = value;
    return value;
  }

  /** Sets a series' state ahead of its results (keeps the map's order). */
  set(model: string, condition: string, value: T): void {
    this.map.set(`${model}\u0000${condition}`, value);
  }

  values(): IterableIterator<T> {
    return this.map.values();
  }
}
