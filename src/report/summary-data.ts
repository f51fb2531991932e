import type { GroupShortfall, WorstGroups } from '../analysis/worst-groups.js';
import type { GroupedMetric, RunReport, WorstEntry } from './build-run-report.js';
import { higherIsWorse } from './build-run-report.js';
import type { IntervalPoint } from './chart-specs.js';
import { countryLabel } from './country-labels.js';
import { exampleKey, type ExampleResult } from './example-result.js';
import { formatPValue, formatValue } from './format-values.js';

/** `Knowledge` for `knowledge`. */
export function kindTitle(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** How tables and charts name a group: a country by its name with its code (`Japan (JP)`), anything else as it is. */
export function groupLabel(groupBy: string, group: string): string {
  return groupBy === 'country' ? countryLabel(group) : group;
}

/** The labels of every group of a grouped metric, for charts. */
export function groupLabels(metric: GroupedMetric): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const point of metric.points) labels[point.group] = groupLabel(metric.groupBy, point.group);
  return labels;
}

/**
 * The groups of a grouped metric sorted by score, worst first: by the first series' mean (highest first where higher is
 * worse), then groups the first series lacks by their best-known mean, ties by name.
 */
export function groupsByScore(metric: GroupedMetric): string[] {
  const worseFirst = higherIsWorse(metric.metric) ? -1 : 1;
  const series = metric.points[0]?.series;
  const key = new Map<string, { first: number; any: number }>();
  for (const point of metric.points) {
    const entry = key.get(point.group) ?? { first: Number.NaN, any: point.mean };
    if (point.series === series) entry.first = point.mean;
    key.set(point.group, entry);
  }
  const rank = (group: string) => key.get(group)!;
  return [...key.keys()].sort((a, b) => {
    const first = rank(a);
    const second = rank(b);
    const aHas = Number.isFinite(first.first);
    const bHas = Number.isFinite(second.first);
    if (aHas !== bHas) return aHas ? -1 : 1;
    const difference = aHas ? first.first - second.first : first.any - second.any;
    return worseFirst * difference || a.localeCompare(b);
  });
}

/** A map of a metric for one series: the points of that series. */
export function seriesPoints(metric: GroupedMetric, series: string): IntervalPoint[] {
  return metric.points.filter((point) => point.series === series);
}

/** The worst-group entries of a run the summary shows, series by series: the lead metric of each kind, by country and by category. */
export function summaryWorstEntries(report: RunReport): WorstEntry[] {
  const order = new Map(report.series.map((series, index) => [series.label, index]));
  return report.worst
    .filter((entry) => entry.kind !== 'safety' || entry.metric === report.safetyMetrics[0])
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (order.get(a.entry.series) ?? 0) - (order.get(b.entry.series) ?? 0) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** `Holm-adjusted p = 0.002, Fisher's exact test (one-sided, vs the rest: 0.71, n = 300)`. */
export function shortfallEvidence(group: GroupShortfall): string {
  const test = group.test === 'fisher-exact' ? "Fisher's exact test" : "Welch's t-test";
  return `Holm-adjusted ${pText(group.adjustedP)} (raw ${pText(group.p)}), ${test}, one-sided against the rest of this model's results: ${formatValue(group.restMean)}, n = ${group.restN}`;
}

/** `p = 0.012` or `p < 0.001`. */
export function pText(p: number): string {
  const formatted = formatPValue(p);
  return formatted.startsWith('<') ? `p ${formatted}` : `p = ${formatted}`;
}

/** The sentence under the worst-group lists: what was tested and how. */
export function worstMethodNote(entry: Pick<WorstGroups, 'alpha' | 'minN'>): string {
  return `Each country (and category) with at least ${entry.minN} results is tested one-sided against the rest of the same model's results — Fisher's exact test for 0/1 metrics, Welch's t-test for judge scores — and the p-values of one model, metric and grouping are adjusted with Holm's procedure; listed: adjusted p < ${entry.alpha}. Smaller groups are not tested (they are greyed in the tables and maps).`;
}

/** The quoted results of a group, in the group's order, when the report has them. */
export function examplesOf(report: RunReport, entry: Pick<WorstEntry, 'model' | 'condition'>, group: { examples: { itemId: string }[] }): ExampleResult[] {
  const found: ExampleResult[] = [];
  for (const example of group.examples) {
    const result = report.examples?.[exampleKey(entry.model, entry.condition, example.itemId)];
    if (result) found.push(result);
  }
  return found;
}
