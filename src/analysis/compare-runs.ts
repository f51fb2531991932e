import { InputError } from '../errors/culturekit-error.js';
import { hashToSeed } from '../util/seeded-random.js';
import { pairedBootstrapDifference, type BootstrapOptions } from '../statistics/bootstrap.js';
import { mcnemarExact, wilcoxonSignedRank, type WilcoxonResult } from '../statistics/paired-tests.js';
import { checkGroupFields, compareKeys, type GroupField, type GroupKey, keyOf, metricValue, type MetricRow } from './row-fields.js';

export interface CompareRunsOptions {
  /**
   * Fields that must match besides `itemId` for two rows to be a pair: `['condition']` to compare two models (or a base
   * and an adapted model), `['model']` to compare two conditions (plain vs grounded). Default none: each side must
   * then hold one row per item.
   */
  matchOn?: readonly GroupField[];
  /** Metrics to compare; default every metric found on both sides. */
  metrics?: readonly string[];
  /** Also compare per value of these fields (taken from the base row), e.g. `['country']`. */
  by?: readonly GroupField[];
  bootstrap?: BootstrapOptions;
}

export type PairedTestResult =
  | { name: 'mcnemar-exact'; onlyBase: number; onlyOther: number; p: number }
  | ({ name: 'wilcoxon-signed-rank' } & Pick<WilcoxonResult, 'statistic' | 'p' | 'method' | 'reason'>);

/** The comparison of one metric over one set of pairs. */
export interface ComparisonCell {
  /** The `by` fields' values; `{}` for the overall cell. */
  key: GroupKey;
  /** Pairs where both rows have the metric. */
  n: number;
  /** Mean over the pairs on the base side and on the other side. */
  base: number;
  other: number;
  /** other − base. */
  difference: number;
  /** (other − base) / base; NaN when the base mean is 0. */
  relativeDifference: number;
  /** Seeded paired-bootstrap 95% interval of `difference` (pairs resampled). */
  ci95: [number, number];
  /** McNemar's exact test for 0/1 metrics, the Wilcoxon signed-rank test (scipy's defaults) for graded ones. */
  test: PairedTestResult;
}

/** An item whose 0/1 outcome changed, with the fields it was matched on and grouped by. */
export type FlippedItem = GroupKey & { itemId: string };

export interface MetricComparison {
  metric: string;
  /** Every value on both sides is 0 or 1. */
  binary: boolean;
  overall: ComparisonCell;
  /** Per value of the `by` fields, sorted; empty without `by`. */
  groups: ComparisonCell[];
  /** For 0/1 metrics: the pairs that went 1 → 0 (right → wrong) and 0 → 1 (wrong → right). */
  flips?: { rightToWrong: FlippedItem[]; wrongToRight: FlippedItem[] };
}

export interface RunComparison {
  matchOn: GroupField[];
  by: GroupField[];
  /** Items present on both sides. */
  pairs: number;
  /** Rows of each side without a partner on the other. */
  unmatched: { base: number; other: number };
  metrics: MetricComparison[];
}

interface Pair {
  base: MetricRow;
  other: MetricRow;
}

/**
 * Compares two sets of results item by item (base vs adapted model, plain vs grounded, model A vs model B): per metric,
 * overall and per `by` group, the means, their absolute and relative difference, a paired-bootstrap 95% interval of the
 * difference, McNemar's exact p (0/1 metrics) or Wilcoxon's signed-rank p (graded metrics), and the items that flipped.
 * Rows are paired by `itemId` plus the `matchOn` fields; two rows of one side with the same pair key are an error.
 *
 * @example
 * const comparison = compareRuns(
 *   rows.filter((row) => row.condition === 'plain'),
 *   rows.filter((row) => row.condition === 'grounded'),
 *   { matchOn: ['model'], by: ['country'] },
 * );
 * comparison.metrics[0] // { metric: 'accuracy', binary: true, overall: { n: 120, base: 0.61, other: 0.74,
 *                       //   difference: 0.13, ci95: [0.06, 0.2], test: { name: 'mcnemar-exact', p: 0.0004, … } }, … }
 */
export function compareRuns(base: Iterable<MetricRow>, other: Iterable<MetricRow>, options: CompareRunsOptions = {}): RunComparison {
  const matchOn = checkGroupFields(options.matchOn ?? [], 'matchOn').filter((field) => field !== 'itemId');
  const pairFields: GroupField[] = ['itemId', ...matchOn];
  const by = checkGroupFields(options.by ?? [], 'by');
  const index = (rows: Iterable<MetricRow>, side: string) => {
    const byKey = new Map<string, MetricRow>();
    for (const row of rows) {
      if (row.itemId === undefined) throw new InputError(`a ${side} row has no itemId, so it cannot be paired`);
      const { id } = keyOf(row, pairFields);
      if (byKey.has(id)) {
        const described = pairFields.map((field) => `${field}=${row[field] ?? '∅'}`).join(', ');
        throw new InputError(
          `two ${side} rows have the same pair key (${described}); add the field that tells them apart to matchOn (e.g. model or condition)`,
        );
      }
      byKey.set(id, row);
    }
    return byKey;
  };
  const baseRows = index(base, 'base');
  const otherRows = index(other, 'other');
  const pairs: Pair[] = [];
  for (const [id, row] of baseRows) {
    const partner = otherRows.get(id);
    if (partner) pairs.push({ base: row, other: partner });
  }
  const metrics = options.metrics ? [...options.metrics] : commonMetrics(pairs);
  const seed = (options.bootstrap?.seed ?? 0) >>> 0;
  const samples = options.bootstrap?.samples;
  const comparisons = metrics.map((metric): MetricComparison => {
    const usable = pairs
      .map((pair) => ({ pair, base: metricValue(pair.base, metric), other: metricValue(pair.other, metric) }))
      .filter((entry): entry is { pair: Pair; base: number; other: number } => entry.base !== undefined && entry.other !== undefined);
    const binary = usable.every((entry) => (entry.base === 0 || entry.base === 1) && (entry.other === 0 || entry.other === 1));
    const cell = (key: GroupKey, id: string, entries: typeof usable) =>
      compareCell(key, entries, binary, { samples, seed: hashToSeed(`${seed}\u0000${metric}\u0000${id}`) });
    const overall = cell({}, '', usable);
    const groups = new Map<string, { key: GroupKey; entries: typeof usable }>();
    if (by.length > 0) {
      for (const entry of usable) {
        const { key, id } = keyOf(entry.pair.base, by);
        let group = groups.get(id);
        if (!group) groups.set(id, (group = { key, entries: [] }));
        group.entries.push(entry);
      }
    }
    const order = compareKeys(by);
    const groupCells = [...groups].map(([id, group]) => cell(group.key, id, group.entries)).sort((a, b) => order(a.key, b.key));
    const comparison: MetricComparison = { metric, binary, overall, groups: groupCells };
    if (binary) {
      const flipped = (entry: (typeof usable)[number]): FlippedItem => ({
        ...keyOf(entry.pair.base, [...by, ...pairFields]).key,
        itemId: entry.pair.base.itemId!,
      });
      comparison.flips = {
        rightToWrong: usable.filter((entry) => entry.base === 1 && entry.other === 0).map(flipped),
        wrongToRight: usable.filter((entry) => entry.base === 0 && entry.other === 1).map(flipped),
      };
    }
    return comparison;
  });
  return {
    matchOn,
    by,
    pairs: pairs.length,
    unmatched: { base: baseRows.size - pairs.length, other: otherRows.size - pairs.length },
    metrics: comparisons,
  };
}

function commonMetrics(pairs: readonly Pair[]): string[] {
  const names = new Set<string>();
  for (const { base, other } of pairs) for (const name in base.metrics) if (name in other.metrics) names.add(name);
  return [...names].sort();
}

function compareCell(key: GroupKey, entries: readonly { base: number; other: number }[], binary: boolean, bootstrap: BootstrapOptions): ComparisonCell {
  const baseValues = entries.map((entry) => entry.base);
  const otherValues = entries.map((entry) => entry.other);
  const difference = pairedBootstrapDifference(baseValues, otherValues, bootstrap);
  const n = entries.length;
  const baseMean = n === 0 ? Number.NaN : baseValues.reduce((a, b) => a + b, 0) / n;
  const otherMean = n === 0 ? Number.NaN : otherValues.reduce((a, b) => a + b, 0) / n;
  let test: PairedTestResult;
  if (binary) {
    const onlyBase = entries.filter((entry) => entry.base === 1 && entry.other === 0).length;
    const onlyOther = entries.filter((entry) => entry.base === 0 && entry.other === 1).length;
    test = { name: 'mcnemar-exact', onlyBase, onlyOther, p: mcnemarExact(onlyBase, onlyOther).p };
  } else {
    const { statistic, p, method, reason } = wilcoxonSignedRank(baseValues, otherValues);
    test = { name: 'wilcoxon-signed-rank', statistic, p, method, ...(reason ? { reason } : {}) };
  }
  return {
    key,
    n,
    base: baseMean,
    other: otherMean,
    difference: difference.estimate,
    relativeDifference: baseMean === 0 ? Number.NaN : (otherMean - baseMean) / baseMean,
    ci95: difference.ci95,
    test,
  };
}
