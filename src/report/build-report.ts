import { compareRuns, type RunComparison } from '../analysis/compare-runs.js';
import { CulturekitError } from '../errors/culturekit-error.js';
import type { ResultRow } from '../store/result-row.js';
import { buildRunReport, seriesLabel, type ReportSeries, type RunReport } from './build-run-report.js';
import type { ReportRun } from './report-run.js';

/** One pairing of two runs' results: a kind of item, a series of the base run and a series of the other run. */
export interface ComparisonEntry {
  /** Run ids and their numbers in the report (1-based). */
  base: { run: string; index: number; series: string };
  other: { run: string; index: number; series: string };
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
  /** Series of a later run that match no series of the first run. */
  unpairedSeries: { run: string; series: string }[];
}

export interface BuildReportOptions {
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

function rowsOf(rows: readonly ResultRow[], series: ReportSeries, kind: string): ResultRow[] {
  return rows.filter((row) => row.kind === kind && row.model === series.model && row.condition === series.condition);
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
  const runReports = runs.map((run) => buildRunReport(run, { metric }));
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
        for (const kind of kinds) {
          const entry: ComparisonEntry = {
            base: { run: baseRun.id, index: 1, series: seriesLabel(baseSeries.model, baseSeries.condition) },
            other: { run: otherRun.id, index: index + 1, series: seriesLabel(otherSeries.model, otherSeries.condition) },
            kind,
          };
          try {
            const comparison = compareRuns(rowsOf(baseRun.rows, baseSeries, kind), rowsOf(otherRun.rows, otherSeries, kind), {
              by: ['country'],
              bootstrap: options.bootstrap,
            });
            if (comparison.pairs === 0) entry.problem = 'no item is in both runs';
            else if (comparison.metrics.length === 0) entry.problem = 'no metric is on both sides (nothing scored yet?)';
            entry.comparison = comparison;
          } catch (error) {
            if (!(error instanceof CulturekitError)) throw error;
            entry.problem = error.message;
          }
          comparisons.push(entry);
        }
      }
    }
  }
  return { generatedAt: (options.now ?? new Date()).toISOString(), metric, runs: runReports, comparisons, unpairedSeries };
}
