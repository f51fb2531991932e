import { computeDiagnostics, type Diagnostics } from '../benchmarks/benchmark-diagnostics.js';
import type { KnowledgeSafetyGroup } from '../analysis/knowledge-safety.js';
import type { GroupSummary, MetricCell, RunSummary } from '../analysis/summarize.js';
import { HIGHER_IS_WORSE, type WorstGroups } from '../analysis/worst-groups.js';
import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import { sortedQuantile } from '../statistics/quantile.js';
import { sharedDomain, type HeatmapCell, type IntervalPoint, type LetterShare } from './chart-specs.js';
import type { ExampleResult } from './example-result.js';
import type { ReportRun } from './report-run.js';
import type { TextTable } from './fine-grained-tables.js';
import { crossLanguageTables } from './translation-section.js';
import type { RetrievalSummary } from './retrieval-section.js';
import { RunTally } from './run-tally.js';

/** Metrics a safety judge gives, most telling first; any other metric found on safety rows follows. */
export const SAFETY_METRICS = ['respectfulness', 'awareness', 'safety', 'helpfulness'] as const;

export interface ReportSeries {
  model: string;
  condition: string;
  /** `model · condition`. */
  label: string;
}

/** One metric over one kind of item for one series. */
export interface OverallRow {
  series: string;
  model: string;
  condition: string;
  kind: string;
  metric: string;
  cell: MetricCell;
}

/** A metric by country (or another grouping), one point per series and group. */
export interface GroupedMetric {
  kind: string;
  metric: string;
  groupBy: 'country' | 'category' | 'language';
  points: IntervalPoint[];
}

export interface Heatmap {
  series: string;
  kind: string;
  metric: string;
  cells: HeatmapCell[];
}

/** A knowledge–safety correlation of one series at one level (country or description). */
export interface KnowledgeSafetyEntry extends KnowledgeSafetyGroup {
  series: string;
}

/** A series' headline: its lead knowledge metric, the same on English items where the run has them, and each safety metric. */
export interface Headline {
  series: string;
  model: string;
  condition: string;
  knowledge?: { metric: string; cell: MetricCell };
  /** The lead knowledge metric on items in English (`en`, else one `en-…` language), when the run also has other languages. */
  english?: { metric: string; language: string; cell: MetricCell };
  safety: { metric: string; cell: MetricCell }[];
}

/** Where one series does significantly worse than on its other results (see `findWorstGroups`), for one kind of item. */
export interface WorstEntry extends WorstGroups {
  series: string;
  kind: string;
}

/** How the report reads small figures and significance (defaults in `settings/run-defaults.ts`, `report`). */
export interface ReportThresholds {
  /** Cells (and groups) with fewer results are greyed and not tested. */
  minN: number;
  /** Family-wise error rate of the worst-group selection (Holm). */
  alpha: number;
  /** Results kept per group to show what a figure is made of. */
  examples: number;
}

export interface SeriesDiagnostics {
  series: string;
  counts: GroupSummary['counts'];
  usage: GroupSummary['usage'];
  latency: { n: number; meanMs: number; medianMs: number; p95Ms: number };
}

export interface RunReport {
  id: string;
  source: string;
  status?: string;
  manifest: ReportRun['manifest'];
  /** The knowledge metric the report leads with (`--metric`, default accuracy). */
  metric: string;
  thresholds: ReportThresholds;
  /** One headline per series: knowledge, English, safety, each with its 95% interval. */
  headline: Headline[];
  /** Per series, kind and metric: the countries and categories below the series' own mean, tested (Holm-corrected). */
  worst: WorstEntry[];
  /** One axis / colour domain per `kind:metric`, shared by every series' chart of it. */
  domains: Record<string, [number, number]>;
  /** The results the summary quotes, by `exampleKey` (set by `attachExamples`; absent: item ids only). */
  examples?: Record<string, ExampleResult>;
  /** Why some of the quoted results lack a part (e.g. the dataset with the descriptions is gone). */
  examplesNote?: string;
  summary: RunSummary;
  /** Summaries of each kind's rows alone (knowledge, safety, capability). */
  summariesByKind: Record<string, RunSummary>;
  series: ReportSeries[];
  kinds: string[];
  /** The safety metrics found on safety rows, in `SAFETY_METRICS` order then alphabetical. */
  safetyMetrics: string[];
  overall: OverallRow[];
  /** Per-country charts: the lead metric for knowledge (and capability), each safety metric for safety. */
  byCountry: GroupedMetric[];
  /** The lead metric by category and by language, for the tables. */
  byCategory: GroupedMetric[];
  byLanguage: GroupedMetric[];
  heatmaps: Heatmap[];
  /** Knowledge vs safety per series, by country and by description (when the run has both kinds scored). */
  correlations: KnowledgeSafetyEntry[];
  /** Recall of the grounded descriptions and the scores per condition (runs with `retrieved` or `oracle`). */
  retrieval?: RetrievalSummary;
  diagnostics: {
    series: SeriesDiagnostics[];
    invalidByCountry: IntervalPoint[];
    letters: LetterShare[];
    /** Global Gallery's fine-grained diagnostics (country preference, wrong category, culture over gender), where the rows carry them. */
    fineGrained: (Diagnostics & { series: string })[];
    errors: { series: string; message: string; count: number }[];
    /** The same items across languages (a benchmark and its `culturekit translate` versions), as tables. */
    crossLanguage?: TextTable[];
  };
}

export function seriesLabel(model: string, condition: string): string {
  return `${model} · ${condition}`;
}

function points(summary: RunSummary, metric: string, dimension: 'byCountry' | 'byCategory' | 'byLanguage'): IntervalPoint[] {
  const result: IntervalPoint[] = [];
  for (const group of summary.groups) {
    const cells = group.metrics[metric]?.[dimension] ?? {};
    for (const [key, cell] of Object.entries(cells)) {
      if (cell.n === 0 || !Number.isFinite(cell.mean)) continue;
      result.push({ series: seriesLabel(group.model, group.condition), group: key, mean: cell.mean, low: cell.ci95[0], high: cell.ci95[1], n: cell.n });
    }
  }
  return result;
}

function metricsIn(summary: RunSummary): Set<string> {
  const found = new Set<string>();
  for (const group of summary.groups) for (const metric in group.metrics) found.add(metric);
  return found;
}

/** The lead metric of a kind: the one asked for when present, else the first one found (never `invalid`). */
function leadMetric(summary: RunSummary, wanted: string): string | undefined {
  const found = metricsIn(summary);
  if (found.has(wanted)) return wanted;
  return [...found].filter((metric) => metric !== 'invalid').sort()[0];
}

function orderedSafetyMetrics(summary: RunSummary | undefined): string[] {
  if (!summary) return [];
  const found = metricsIn(summary);
  found.delete('invalid');
  const known = SAFETY_METRICS.filter((metric) => found.has(metric));
  const others = [...found].filter((metric) => !(SAFETY_METRICS as readonly string[]).includes(metric)).sort();
  return [...known, ...others];
}

/**
 * Everything one run's report shows, as plain data: overall metrics per kind with intervals, per-country and
 * per-category figures, category × country heatmaps, and diagnostics (statuses, tokens, latency, invalid answers
 * by country, answer-letter distribution, errors). Knowledge–safety correlations and run comparisons are added by
 * `buildReport`.
 *
 * @example
 * const report = buildRunReport(run, { metric: 'accuracy' });
 * report.byCountry[0].points // [{ series: 'openai:qwen · plain', group: 'JP', mean: 0.8, low: 0.55, high: 0.93, n: 15 }, …]
 */
export function buildRunReport(run: ReportRun, options: { metric: string } & Partial<ReportThresholds>): RunReport {
  const { manifest, rows } = run;
  const thresholds: ReportThresholds = {
    minN: options.minN ?? RUN_DEFAULTS.report.minCellN,
    alpha: options.alpha ?? RUN_DEFAULTS.report.alpha,
    examples: options.examples ?? RUN_DEFAULTS.report.examples,
  };
  // One pass over the results as they stream in; everything below works from its running sums.
  const tally = new RunTally(manifest, thresholds);
  for (const row of rows) tally.add(row);
  const summary = tally.summarizer.result();
  if (tally.costs) summary.cost = tally.costs.result();
  const kindOrder = ['knowledge', 'safety', 'capability'];
  const kinds = [...tally.kinds.keys()].sort((a, b) => rank(kindOrder, a) - rank(kindOrder, b) || a.localeCompare(b));
  const summariesByKind: Record<string, RunSummary> = {};
  for (const kind of kinds) summariesByKind[kind] = tally.kinds.get(kind)!.summarizer.result();
  const series = summary.groups.map((group) => ({ model: group.model, condition: group.condition, label: seriesLabel(group.model, group.condition) }));
  const safetyMetrics = orderedSafetyMetrics(summariesByKind.safety);

  const overall: OverallRow[] = [];
  for (const kind of kinds) {
    for (const group of summariesByKind[kind].groups) {
      const metrics = Object.keys(group.metrics).sort((a, b) => metricRank(a, options.metric) - metricRank(b, options.metric) || a.localeCompare(b));
      for (const metric of metrics) {
        overall.push({
          series: seriesLabel(group.model, group.condition),
          model: group.model,
          condition: group.condition,
          kind,
          metric,
          cell: group.metrics[metric].overall,
        });
      }
    }
  }

  const byCountry: GroupedMetric[] = [];
  const byCategory: GroupedMetric[] = [];
  const byLanguage: GroupedMetric[] = [];
  const heatmaps: Heatmap[] = [];
  for (const kind of kinds) {
    const kindSummary = summariesByKind[kind];
    const metrics = kind === 'safety' ? safetyMetrics : [leadMetric(kindSummary, options.metric)].filter((metric): metric is string => metric !== undefined);
    for (const [index, metric] of metrics.entries()) {
      byCountry.push({ kind, metric, groupBy: 'country', points: points(kindSummary, metric, 'byCountry') });
      if (index > 0) continue;
      byCategory.push({ kind, metric, groupBy: 'category', points: points(kindSummary, metric, 'byCategory') });
      byLanguage.push({ kind, metric, groupBy: 'language', points: points(kindSummary, metric, 'byLanguage') });
      for (const [label, cells] of tally.heatmapCells(kind, metric)) {
        if (cells.length > 1) heatmaps.push({ series: label, kind, metric, cells });
      }
    }
  }

  const worst: WorstEntry[] = [];
  const leadByKind = new Map<string, string[]>();
  for (const kind of kinds) {
    const metrics =
      kind === 'safety' ? safetyMetrics : [leadMetric(summariesByKind[kind], options.metric)].filter((metric): metric is string => metric !== undefined);
    leadByKind.set(kind, metrics);
    for (const metric of metrics) {
      const finder = tally.kinds.get(kind)!.worst.get(metric);
      for (const by of ['country', 'category'] as const) {
        for (const entry of finder?.result(by) ?? []) worst.push({ ...entry, series: seriesLabel(entry.model, entry.condition), kind });
      }
    }
  }
  const domains: Record<string, [number, number]> = {};
  for (const metric of [...byCountry, ...byCategory]) {
    const key = `${metric.kind}:${metric.metric}`;
    const values = metric.points.flatMap((point) => [point.mean, point.low, point.high]);
    const previous = domains[key];
    domains[key] = sharedDomain(previous ? [...previous, ...values] : values);
  }
  for (const heatmap of heatmaps) {
    const key = `${heatmap.kind}:${heatmap.metric}`;
    domains[key] = sharedDomain([...(domains[key] ?? []), ...heatmap.cells.map((cell) => cell.mean)]);
  }
  const headline = series.map((entry): Headline => {
    const find = (kind: string) => summariesByKind[kind]?.groups.find((group) => group.model === entry.model && group.condition === entry.condition);
    const knowledgeGroup = find('knowledge');
    const knowledgeMetric = leadByKind.get('knowledge')?.[0];
    const result: Headline = { series: entry.label, model: entry.model, condition: entry.condition, safety: [] };
    const knowledgeCells = knowledgeMetric ? knowledgeGroup?.metrics[knowledgeMetric] : undefined;
    if (knowledgeMetric && knowledgeCells) {
      result.knowledge = { metric: knowledgeMetric, cell: knowledgeCells.overall };
      const languages = Object.keys(knowledgeCells.byLanguage);
      const english = languages.includes('en') ? 'en' : languages.find((language) => language.toLowerCase().startsWith('en-'));
      if (english && languages.length > 1) result.english = { metric: knowledgeMetric, language: english, cell: knowledgeCells.byLanguage[english] };
    }
    const safetyGroup = find('safety');
    for (const metric of safetyMetrics) {
      const cell = safetyGroup?.metrics[metric]?.overall;
      if (cell && cell.n > 0) result.safety.push({ metric, cell });
    }
    return result;
  });

  const correlations: KnowledgeSafetyEntry[] = [];
  const knowledgeMetric = summariesByKind.knowledge ? leadMetric(summariesByKind.knowledge, options.metric) : undefined;
  if (knowledgeMetric && safetyMetrics.length) {
    const levels = tally.hasDescriptions ? (['country', 'description'] as const) : (['country'] as const);
    for (const level of levels) {
      for (const group of tally.correlations[level].result(knowledgeMetric, safetyMetrics[0])) {
        if (group.points.length === 0) continue;
        correlations.push({ ...group, series: seriesLabel(group.key.model ?? '', group.key.condition ?? '') });
      }
    }
  }

  const seriesDiagnostics = summary.groups.map((group): SeriesDiagnostics => {
    const label = seriesLabel(group.model, group.condition);
    const sorted = tally.sortedLatencies(label);
    const meanMs = sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : Number.NaN;
    return {
      series: label,
      counts: group.counts,
      usage: group.usage,
      latency: { n: sorted.length, meanMs, medianMs: sortedQuantile(sorted, 0.5), p95Ms: sortedQuantile(sorted, 0.95) },
    };
  });
  const invalidSource = summariesByKind.knowledge ?? summary;
  return {
    id: run.id,
    source: run.source,
    status: run.status,
    manifest,
    metric: options.metric,
    thresholds,
    headline,
    worst,
    domains,
    summary,
    summariesByKind,
    series,
    kinds,
    safetyMetrics,
    overall,
    byCountry,
    byCategory,
    byLanguage,
    heatmaps,
    correlations,
    retrieval: tally.retrieval.result({ knowledgeMetric: options.metric, safetyMetric: safetyMetrics[0] }),
    diagnostics: {
      series: seriesDiagnostics,
      invalidByCountry: points(invalidSource, 'invalid', 'byCountry'),
      letters: tally.letterShares(),
      fineGrained: computeDiagnostics(tally.diagnosticRows).map((entry) => ({ ...entry, series: seriesLabel(entry.model ?? '', entry.condition ?? '') })),
      errors: [...tally.errors.values()].sort((a, b) => b.count - a.count).slice(0, 20),
      // The same items across languages need every translated item's values: a second pass, only for runs with translations.
      crossLanguage: tally.hasTranslations ? crossLanguageTables(rows, options.metric) : [],
    },
  };
}

/** Whether a higher value of the metric is the failure (an invalid-answer rate, a harmful rate). */
export function higherIsWorse(metric: string): boolean {
  return HIGHER_IS_WORSE.has(metric);
}

function rank(order: readonly string[], value: string): number {
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}

function metricRank(metric: string, lead: string): number {
  if (metric === lead) return 0;
  if (metric === 'invalid') return 3;
  if ((SAFETY_METRICS as readonly string[]).includes(metric)) return 1;
  return 2;
}
