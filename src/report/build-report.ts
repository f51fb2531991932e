import { compareRuns, type RunComparison } from '../analysis/compare-runs.js';
import { CulturekitError } from '../errors/culturekit-error.js';
import type { ResultBrief } from '../store/result-brief.js';
import { buildRunReport, seriesLabel, type ReportSeries, type ReportThresholds, type RunReport } from './build-run-report.js';
import type { ReportRows, ReportRun } from './report-run.js';
import type { AdaptationSummary } from '../adapt/eval/run-adapt-eval.js';

/** One side of a comparison: a series of a run; `name` is how tables call it (`run 2`, or the condition within one run). */
export interface ComparisonSide {
  run: string;
  index: number;
  series: string;
  name?: string;
}

/** How a comparison's tables and titles call a side. */
export function sideName(side: ComparisonSide): string {
  return side.name ?? `run ${side.index}`;
}

/** One pairing of two runs' results: a kind of item, a series of the base run and a series of the other run. */
export interface ComparisonEntry {
  /** Run ids and their numbers in the report (1-based). */
  base: ComparisonSide;
  other: ComparisonSide;
  kind: string;
  /** Per metric: means, difference with paired-bootstrap CI, McNemar / Wilcoxon p, per country, flipped items. */
  comparison?: RunComparison;
  /** Why the two could not be compared (e.g. no shared items). */
  problem?: string;
}

export interface Report {
  generatedAt: string;
  /** The lead knowledge metric (`--metric`). */
  metric: string;
  runs: RunReport[];
  /** When several runs are given: each later run against the first. */
  comparisons: ComparisonEntry[];
  /** Within each run with several conditions: each condition against `plain` (or the first), per model and kind. */
  conditionComparisons: ComparisonEntry[];
  /** Series of a later run that match no series of the first run. */
  unpairedSeries: { run: string; series: string }[];
  /** Stage-wise evaluation of an adapted model (`culturekit adapt eval`): rendered as the "Adaptation" section. */
  adaptation?: AdaptationSummary;
}

export interface BuildReportOptions extends Partial<ReportThresholds> {
  /** The lead knowledge metric; default `accuracy`. */
  metric?: string;
  /** Paired-bootstrap samples for comparisons (default 2000) and the seed (default 0). */
  bootstrap?: { samples?: number; seed?: number };
  now?: Date;
}

/** Pairs the series of two runs: same model and condition; else the only series with that condition (two models compared); else the only series with that model (two conditions compared); else the only series of each. */
export function pairSeries(base: readonly ReportSeries[], other: readonly ReportSeries[]): { pairs: [ReportSeries, ReportSeries][]; unpaired: ReportSeries[] } {
  const pairs: [ReportSeries, ReportSeries][] = [];
  const unpaired: ReportSeries[] = [];
  for (const candidate of other) {
    const same = base.find((series) => series.model === candidate.model && series.condition === candidate.condition);
    const sameCondition = base.filter((series) => series.condition === candidate.condition);
    const otherSameCondition = other.filter((series) => series.condition === candidate.condition);
    const sameModel = base.filter((series) => series.model === candidate.model);
    const otherSameModel = other.filter((series) => series.model === candidate.model);
    const match =
      same ??
      (sameCondition.length === 1 && otherSameCondition.length === 1 ? sameCondition[0] : undefined) ??
      (sameModel.length === 1 && otherSameModel.length === 1 ? sameModel[0] : undefined) ??
      (base.length === 1 && other.length === 1 ? base[0] : undefined);
    if (match) pairs.push([match, candidate]);
    else unpaired.push(candidate);
  }
  return { pairs, unpaired };
}

/** What a comparison reads of a result: its item, country and metrics. */
type ComparedRow = Pick<ResultBrief, 'itemId' | 'country' | 'metrics'>;

/**
 * One series' results per kind of item, as much as a comparison reads of them (one pass over that series alone where
 * the rows can be read by series; the run's other series are not held).
 */
function seriesRows(rows: ReportRows, series: ReportSeries): Map<string, ComparedRow[]> {
  const byKind = new Map<string, ComparedRow[]>();
  for (const row of rows.series?.(series.model, series.condition) ?? rows) {
    if (row.model !== series.model || row.condition !== series.condition) continue;
    let list = byKind.get(row.kind);
    if (!list) byKind.set(row.kind, (list = []));
    list.push({ itemId: row.itemId, country: row.country, metrics: row.metrics });
  }
  return byKind;
}

/**
 * Builds everything a report shows from loaded runs: each run's sections (see `buildRunReport`) and, when there are
 * several runs, each later run compared item by item with the first, per kind of item and per matching model ×
 * condition, overall and by country.
 *
 * @example
 * const report = buildReport(loadReportRuns(['runs/base', 'runs/tuned'], { dbPath }), { metric: 'accuracy' });
 * report.comparisons[0].comparison?.metrics[0].overall // { base: 0.61, other: 0.74, difference: 0.13, ci95: [0.06, 0.2], test: { p: 0.0004, … }, … }
 */
export function buildReport(runs: readonly ReportRun[], options: BuildReportOptions = {}): Report {
  const metric = options.metric ?? 'accuracy';
  const runReports = runs.map((run) => buildRunReport(run, { metric, minN: options.minN, alpha: options.alpha, examples: options.examples }));
  const comparisons: ComparisonEntry[] = [];
  const unpairedSeries: Report['unpairedSeries'] = [];
  if (runs.length > 1) {
    const [baseRun] = runs;
    const baseReport = runReports[0];
    for (let index = 1; index < runs.length; index++) {
      const otherRun = runs[index];
      const otherReport = runReports[index];
      const { pairs, unpaired } = pairSeries(baseReport.series, otherReport.series);
      for (const series of unpaired) unpairedSeries.push({ run: otherRun.id, series: series.label });
      const kinds = baseReport.kinds.filter((kind) => otherReport.kinds.includes(kind));
      for (const [baseSeries, otherSeries] of pairs) {
        const baseRows = seriesRows(baseRun.rows, baseSeries);
        const otherRows = seriesRows(otherRun.rows, otherSeries);
        for (const kind of kinds) {
          comparisons.push(
            compareEntry(
              { run: baseRun.id, index: 1, series: seriesLabel(baseSeries.model, baseSeries.condition) },
              { run: otherRun.id, index: index + 1, series: seriesLabel(otherSeries.model, otherSeries.condition) },
              kind,
              baseRows.get(kind) ?? [],
              otherRows.get(kind) ?? [],
              options,
            ),
          );
        }
      }
    }
  }
  const conditionComparisons: ComparisonEntry[] = [];
  runs.forEach((run, runIndex) => {
    const report = runReports[runIndex];
    const conditions = [...new Set(report.series.map((series) => series.condition))];
    if (conditions.length < 2) return;
    const baseCondition = conditions.includes('plain') ? 'plain' : conditions[0];
    for (const baseSeries of report.series.filter((series) => series.condition === baseCondition)) {
      const others = report.series.filter((series) => series.model === baseSeries.model && series.condition !== baseCondition);
      const baseRows = others.length ? seriesRows(run.rows, baseSeries) : new Map<string, ComparedRow[]>();
      for (const otherSeries of others) {
        const otherRows = seriesRows(run.rows, otherSeries);
        for (const kind of report.kinds) {
          const side = (series: ReportSeries) => ({
            run: run.id,
            index: runIndex + 1,
            series: seriesLabel(series.model, series.condition),
            name: series.condition,
          });
          conditionComparisons.push(compareEntry(side(baseSeries), side(otherSeries), kind, baseRows.get(kind) ?? [], otherRows.get(kind) ?? [], options));
        }
      }
    }
  });
  return { generatedAt: (options.now ?? new Date()).toISOString(), metric, runs: runReports, comparisons, conditionComparisons, unpairedSeries };
}

function compareEntry(
  base: ComparisonSide,
  other: ComparisonSide,
  kind: string,
  baseRows: readonly ComparedRow[],
  otherRows: readonly ComparedRow[],
  options: BuildReportOptions,
): ComparisonEntry {
  const entry: ComparisonEntry = { base, other, kind };
  try {
    const comparison = compareRuns(baseRows, otherRows, { by: ['country'], bootstrap: options.bootstrap });
    if (comparison.pairs === 0) entry.problem = 'no item is on both sides';
    else if (comparison.metrics.length === 0) entry.problem = 'no metric is on both sides (nothing scored yet?)';
    entry.comparison = comparison;
  } catch (error) {
    if (!(error instanceof CulturekitError)) throw error;
    entry.problem = error.message;
  }
  return entry;
}
