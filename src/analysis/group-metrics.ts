import { InputError } from '../errors/culturekit-error.js';
import { hashToSeed } from '../util/seeded-random.js';
import { bootstrapMeanOfGroupMeans, type BootstrapOptions } from '../statistics/bootstrap.js';
import { wilsonInterval } from '../statistics/intervals.js';
import { checkGroupFields, compareKeys, type GroupField, type GroupKey, keyOf, metricValue, type MetricRow } from './row-fields.js';

export interface GroupMetricOptions {
  /** The metric to aggregate, e.g. `accuracy`, `respectfulness`. Rows without it (errors) are left out. */
  metric: string;
  /** Fields to group by; none (the default) gives one overall group. */
  by?: readonly GroupField[];
  /**
   * `micro` (default): the mean over rows. `macro`: the mean of the per-`macroOver` means within each group, so that
   * every country (say) weighs the same whatever its number of items.
   */
  average?: 'micro' | 'macro';
  /** What a macro average averages over; default `country`. Ignored by micro averages. */
  macroOver?: GroupField;
  bootstrap?: BootstrapOptions;
}

/** One metric over one group of rows. */
export interface MetricGroup {
  /** The group's value of each `by` field (`null` where rows have none); `{}` for the overall group. */
  key: GroupKey;
  /** Rows with the metric in the group. */
  n: number;
  /** Micro or macro mean. */
  mean: number;
  /**
   * Seeded percentile-bootstrap 95% interval of `mean`; for macro averages the bootstrap resamples rows within each
   * `macroOver` group (stratified).
   */
  ci95: [number, number];
  /** Wilson 95% interval, for micro averages of 0/1 metrics (every value of the metric, in all groups, is 0 or 1). */
  wilson95?: [number, number];
  /** For macro averages: how many `macroOver` groups (countries…) were averaged. */
  macroGroups?: number;
}

export interface GroupMetricResult {
  metric: string;
  by: GroupField[];
  average: 'micro' | 'macro';
  macroOver?: GroupField;
  /** Every value of the metric is 0 or 1. */
  binary: boolean;
  /** Sorted by key. */
  groups: MetricGroup[];
}

/**
 * Any metric grouped by any fields, with n, the mean (micro or macro), a seeded bootstrap 95% interval and, for 0/1
 * metrics, a Wilson interval. Each group's bootstrap seed derives from `bootstrap.seed` and the group's key, so a
 * group's interval does not change when other groups are added.
 *
 * @example
 * groupMetric(rows, { metric: 'accuracy', by: ['model', 'country'] }).groups
 * // [{ key: { model: 'openai:a', country: 'BR' }, n: 40, mean: 0.725, ci95: [0.575, 0.85], wilson95: [0.572, 0.839] }, …]
 * groupMetric(rows, { metric: 'accuracy', by: ['model'], average: 'macro', macroOver: 'country' })
 * // the mean of each model's per-country accuracies, bootstrapped within countries
 */
export function groupMetric(rows: Iterable<MetricRow>, options: GroupMetricOptions): GroupMetricResult {
  const by = checkGroupFields(options.by ?? [], 'by');
  const average = options.average ?? 'micro';
  if (average !== 'micro' && average !== 'macro') throw new InputError(`average must be micro or macro, got ${String(average)}`);
  const macroOver = average === 'macro' ? checkGroupFields([options.macroOver ?? 'country'], 'macroOver')[0] : undefined;
  const seed = (options.bootstrap?.seed ?? 0) >>> 0;
  const groups = new Map<string, { key: GroupKey; strata: Map<string, number[]> }>();
  let binary = true;
  for (const row of rows) {
    const value = metricValue(row, options.metric);
    if (value === undefined) continue;
    if (value !== 0 && value !== 1) binary = false;
    const { key, id } = keyOf(row, by);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, strata: new Map() }));
    const stratum = macroOver ? keyOf(row, [macroOver]).id : '';
    let values = group.strata.get(stratum);
    if (!values) group.strata.set(stratum, (values = []));
    values.push(value);
  }
  const result: MetricGroup[] = [];
  for (const [id, { key, strata }] of groups) {
    const values = [...strata.values()];
    const estimate = bootstrapMeanOfGroupMeans(values, { samples: options.bootstrap?.samples, seed: hashToSeed(`${seed}\u0000${id}`) });
    const group: MetricGroup = { key, n: estimate.n, mean: estimate.estimate, ci95: estimate.ci95 };
    if (macroOver) group.macroGroups = values.length;
    else if (binary) {
      const successes = values[0].reduce((total, value) => total + value, 0);
      group.wilson95 = wilsonInterval(successes, estimate.n);
    }
    result.push(group);
  }
  const order = compareKeys(by);
  result.sort((a, b) => order(a.key, b.key));
  return { metric: options.metric, by, average, ...(macroOver ? { macroOver } : {}), binary: binary && result.length > 0, groups: result };
}
