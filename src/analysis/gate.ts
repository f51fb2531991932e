import { InputError } from '../errors/culturekit-error.js';
import { GATE_THRESHOLD_KEY as KEY } from '../schema/gate-threshold-key.js';
import type { ResultRow } from '../schema/result.js';

/** What the baseline check reads of a result (a row or its brief). */
type GateRow = Pick<ResultRow, 'model' | 'condition' | 'itemId' | 'metrics'> & Partial<Pick<ResultRow, 'kind' | 'country' | 'category' | 'language'>>;
import { compareRuns, type ComparisonCell } from './compare-runs.js';
import type { RunSummary } from './summarize.js';

/**
 * Quality thresholds, keyed `metric` (the overall value), `metric@CC` (one country) or `metric@*` (every country):
 * `{ accuracy: 0.7, 'accuracy@*': 0.5, respectfulness: 7 }`. A metric below its threshold fails the gate.
 */
export type GateThresholds = Record<string, number>;

/** One check of a gate: a threshold on a metric of one model × condition (overall or one country), or a baseline comparison. */
export interface GateCheck {
  kind: 'threshold' | 'baseline';
  model: string;
  condition: string;
  metric: string;
  /** The country checked; absent for the overall value. */
  country?: string;
  /** The value measured (the mean); NaN when the run has no value for it. */
  value: number;
  /** The threshold (`threshold` checks). */
  threshold?: number;
  /** The baseline's mean over the same items, the difference, its 95% interval and the paired test's p (`baseline` checks). */
  baseline?: { value: number; difference: number; ci95: [number, number]; p: number; test: string; pairs: number };
  passed: boolean;
  /** One line saying what was found. */
  message: string;
}

export interface GateReport {
  passed: boolean;
  checks: GateCheck[];
}

/**
 * Checks a run's summary against thresholds: each threshold for every model × condition, overall or per country.
 * A metric (or a named country) the run has no value for fails: a gate never passes by absence.
 *
 * @example
 * checkThresholds(summary, { accuracy: 0.7 }).every((check) => check.passed)
 */
export function checkThresholds(summary: RunSummary, thresholds: GateThresholds): GateCheck[] {
  const checks: GateCheck[] = [];
  for (const group of summary.groups) {
    for (const [key, threshold] of Object.entries(thresholds)) {
      const [, metric, scope] = KEY.exec(key) ?? [];
      const metricSummary = group.metrics[metric];
      const base = { kind: 'threshold' as const, model: group.model, condition: group.condition, metric, threshold };
      const check = (country: string | undefined, value: number) => {
        const where = `${group.model} (${group.condition}) ${metric}${country ? ` in ${country}` : ''}`;
        const passed = Number.isFinite(value) && value >= threshold;
        checks.push({
          ...base,
          ...(country ? { country } : {}),
          value,
          passed,
          message: Number.isNaN(value)
            ? `${where}: no value in this run (threshold ${threshold})`
            : `${where} = ${round(value)} ${passed ? '≥' : '<'} ${threshold}`,
        });
      };
      if (scope === undefined) check(undefined, metricSummary?.overall.mean ?? Number.NaN);
      else if (scope === '*') {
        const countries = Object.entries(metricSummary?.byCountry ?? {});
        if (countries.length === 0) check('every country', Number.NaN);
        for (const [country, cell] of countries) check(country, cell.mean);
      } else check(scope.toUpperCase(), metricSummary?.byCountry[scope.toUpperCase()]?.mean ?? Number.NaN);
    }
  }
  return checks;
}

/**
 * Compares a run with a baseline run item by item (the paired tests of `compareRuns`: McNemar's exact test for 0/1
 * metrics, Wilcoxon's signed-rank test for graded ones) and fails each model × condition × metric that is worse with
 * p < `alpha`. Each model of the run is paired with the baseline's model of the same spec, or with the baseline's only
 * model; higher values are taken as better.
 *
 * @example
 * checkBaseline(currentRows, baselineRows, { metrics: ['accuracy'], alpha: 0.05 })
 */
export function checkBaseline(
  current: Iterable<GateRow>,
  baselineRows: Iterable<GateRow>,
  options: { metrics?: readonly string[]; alpha: number },
): GateCheck[] {
  const baseline = [...baselineRows];
  const baselineModels = [...new Set(baseline.map((row) => row.model))];
  const groups = new Map<string, GateRow[]>();
  for (const row of current) {
    const key = `${row.model}\u0000${row.condition}`;
    let rows = groups.get(key);
    if (!rows) groups.set(key, (rows = []));
    rows.push(row);
  }
  const checks: GateCheck[] = [];
  for (const rows of groups.values()) {
    const { model, condition } = rows[0];
    const baselineModel = baselineModels.includes(model) ? model : baselineModels.length === 1 ? baselineModels[0] : undefined;
    if (baselineModel === undefined) {
      throw new InputError(`--baseline: the baseline run has models ${baselineModels.join(', ') || '(none)'}; none matches ${model}, and it has more than one`);
    }
    const baseRows = baseline.filter((row) => row.model === baselineModel && row.condition === condition);
    const metrics = [...(options.metrics ?? [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))].filter((name) => name !== 'invalid'))].sort();
    const comparison = compareRuns(baseRows, rows, { metrics });
    for (const metric of metrics) {
      const cell: ComparisonCell | undefined = comparison.metrics.find((entry) => entry.metric === metric)?.overall;
      const where = `${model} (${condition}) ${metric} vs baseline ${baselineModel}`;
      if (!cell || cell.n === 0) {
        checks.push({ kind: 'baseline', model, condition, metric, value: Number.NaN, passed: false, message: `${where}: no paired items` });
        continue;
      }
      const worse = cell.difference < 0 && cell.test.p < options.alpha;
      checks.push({
        kind: 'baseline',
        model,
        condition,
        metric,
        value: cell.other,
        baseline: { value: cell.base, difference: cell.difference, ci95: cell.ci95, p: cell.test.p, test: cell.test.name, pairs: cell.n },
        passed: !worse,
        message: `${where}: ${round(cell.other)} vs ${round(cell.base)} (difference ${round(cell.difference)}, 95% CI [${round(cell.ci95[0])}, ${round(cell.ci95[1])}], ${cell.test.name} p=${cell.test.p.toPrecision(3)}, n=${cell.n})${worse ? ` — significantly worse (p < ${options.alpha})` : ''}`,
      });
    }
  }
  return checks;
}

function round(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : String(value);
}
