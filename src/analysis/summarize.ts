import type { RunCost } from './cost.js';
import type { RunManifest } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import { panelAgreement, type PanelAgreement } from '../scoring/judge/combine-verdicts.js';
import type { JudgeParse } from '../scoring/judge/rubric.js';
import { meanInterval, wilsonInterval } from '../statistics/intervals.js';
import { SeriesCache } from './series-cache.js';

/** One metric over one group of results. */
export interface MetricCell {
  mean: number;
  n: number;
  /** 95% interval: Wilson for 0/1 metrics (accuracy), Student's t for the rest. */
  ci95: [number, number];
}

export interface MetricSummary {
  overall: MetricCell;
  byCountry: Record<string, MetricCell>;
  byKind: Record<string, MetricCell>;
  byCategory: Record<string, MetricCell>;
  byLanguage: Record<string, MetricCell>;
}

export interface GroupSummary {
  model: string;
  condition: string;
  counts: { total: number; scored: number; invalid: number; unscored: number; error: number };
  usage: { inputTokens: number; outputTokens: number; calls: number; cachedCalls: number };
  metrics: Record<string, MetricSummary>;
  /** With a panel of two or more judges: their agreement across items, per rubric (`id@version`). */
  judgeAgreement?: Record<string, PanelAgreement>;
}

/** The `summary.json` of a run (format documented in the README). */
export interface RunSummary {
  runId: string;
  generatedAt: string;
  dataset: RunManifest['dataset'];
  groups: GroupSummary[];
  /** What the run's calls cost, when prices were given (`analysis/cost.ts`). */
  cost?: RunCost;
}

/** Running n, sum and sum of squares of a metric's values, and whether every value is 0 or 1. */
export class Accumulator {
  n = 0;
  sum = 0;
  sumOfSquares = 0;
  binary = true;
  add(value: number): void {
    this.n++;
    this.sum += value;
    this.sumOfSquares += value * value;
    if (value !== 0 && value !== 1) this.binary = false;
  }
  cell(): MetricCell {
    const mean = this.n === 0 ? Number.NaN : this.sum / this.n;
    const ci95 = this.binary ? wilsonInterval(this.sum, this.n) : meanInterval(this.sum, this.sumOfSquares, this.n);
    return { mean, n: this.n, ci95 };
  }
}

const DIMENSIONS = ['byCountry', 'byKind', 'byCategory', 'byLanguage'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** What a summary reads of a result: a `ResultRow`, or its brief without prompt and response. */
export type SummaryRow = Omit<ResultRow, 'runId' | 'topic' | 'template' | 'prompt' | 'choiceOrder' | 'response' | 'attempts' | 'completedAt'>;

function dimensionValue(row: SummaryRow, dimension: Dimension): string | undefined {
  switch (dimension) {
    case 'byCountry':
      return row.country;
    case 'byKind':
      return row.kind;
    case 'byCategory':
      return row.category;
    case 'byLanguage':
      return row.language;
  }
}

interface GroupState {
  summary: GroupSummary;
  /** Per metric: its running sums overall and per value of each dimension. */
  metrics: Map<string, { overall: Accumulator; dimensions: Record<Dimension, Map<string, Accumulator>> }>;
  /** Per rubric, each judged item's verdicts in panel order. */
  verdicts: Map<string, JudgeParse[][]>;
}

function newGroup(model: string, condition: string): GroupState {
  return {
    summary: {
      model,
      condition,
      counts: { total: 0, scored: 0, invalid: 0, unscored: 0, error: 0 },
      usage: { inputTokens: 0, outputTokens: 0, calls: 0, cachedCalls: 0 },
      metrics: {},
    },
    metrics: new Map(),
    verdicts: new Map(),
  };
}

/**
 * `summarizeRun` fed one result at a time (`add`), for callers that feed several aggregations from one pass over a
 * run's results (the report): running sums per model × condition × dimension × metric, nothing per result but the
 * panel verdicts of judged items (which the agreement statistics need).
 *
 * @example
 * const summarizer = new RunSummarizer(manifest);
 * for (const row of store.iterateBriefs(manifest.id)) summarizer.add(row);
 * const summary = summarizer.result();
 */
export class RunSummarizer {
  private readonly groups = new SeriesCache<GroupState>();

  constructor(private readonly manifest: RunManifest) {
    for (const model of manifest.models) {
      for (const condition of manifest.options.conditions) this.groups.set(model.spec, condition, newGroup(model.spec, condition));
    }
  }

  add(row: SummaryRow): void {
    const group = this.groups.get(row.model, row.condition, () => newGroup(row.model, row.condition));
    const { counts, usage } = group.summary;
    counts.total++;
    counts[row.status]++;
    if (row.cached) usage.cachedCalls++;
    else if (row.status !== 'error' || row.usage.inputTokens > 0) {
      usage.calls++;
      usage.inputTokens += row.usage.inputTokens;
      usage.outputTokens += row.usage.outputTokens;
    }
    collectVerdicts(row, group.verdicts);
    for (const metric in row.metrics) {
      const value = row.metrics[metric];
      let state = group.metrics.get(metric);
      if (!state) {
        state = { overall: new Accumulator(), dimensions: { byCountry: new Map(), byKind: new Map(), byCategory: new Map(), byLanguage: new Map() } };
        group.metrics.set(metric, state);
      }
      state.overall.add(value);
      for (const dimension of DIMENSIONS) {
        const key = dimensionValue(row, dimension);
        if (key === undefined) continue;
        const byKey = state.dimensions[dimension];
        let accumulator = byKey.get(key);
        if (!accumulator) byKey.set(key, (accumulator = new Accumulator()));
        accumulator.add(value);
      }
    }
  }

  result(): RunSummary {
    const summaries: GroupSummary[] = [];
    for (const group of this.groups.values()) {
      const metrics: Record<string, MetricSummary> = {};
      for (const [metric, state] of group.metrics) {
        const metricSummary: MetricSummary = { overall: state.overall.cell(), byCountry: {}, byKind: {}, byCategory: {}, byLanguage: {} };
        for (const dimension of DIMENSIONS) {
          const byKey = state.dimensions[dimension];
          for (const key of [...byKey.keys()].sort()) metricSummary[dimension][key] = byKey.get(key)!.cell();
        }
        metrics[metric] = metricSummary;
      }
      const summary: GroupSummary = { ...group.summary, counts: { ...group.summary.counts }, usage: { ...group.summary.usage }, metrics };
      for (const [rubric, verdicts] of group.verdicts) {
        if (verdicts.some((item) => item.length >= 2)) (summary.judgeAgreement ??= {})[rubric] = panelAgreement(verdicts);
      }
      summaries.push(summary);
    }
    return { runId: this.manifest.id, generatedAt: new Date().toISOString(), dataset: this.manifest.dataset, groups: summaries };
  }
}

/**
 * Aggregates a run's results per model × condition: counts, token usage, and every metric overall and by
 * country, kind, category and language, each with n and a 95% interval. Rows ending in `error` are counted but
 * carry no metric; `invalid` rows count as wrong for `accuracy` and show up in the `invalid` rate. One pass over the
 * rows, holding running sums only (see `RunSummarizer`).
 *
 * @example
 * const summary = summarizeRun(manifest, store.iterateResults(manifest.id));
 */
export function summarizeRun(manifest: RunManifest, rows: Iterable<SummaryRow>): RunSummary {
  const summarizer = new RunSummarizer(manifest);
  for (const row of rows) summarizer.add(row);
  return summarizer.result();
}

/** The panel's verdicts stored with a judged row (`details.judges`), per rubric, as the agreement statistics read them. */
function collectVerdicts(row: SummaryRow, into: Map<string, JudgeParse[][]>): void {
  for (const { rubric, verdicts } of row.details?.judges ?? []) {
    let items = into.get(rubric);
    if (!items) into.set(rubric, (items = []));
    items.push(
      verdicts.map(
        (verdict): JudgeParse =>
          verdict.status === 'scored' && verdict.metrics
            ? { status: 'scored', metrics: verdict.metrics, label: verdict.label }
            : { status: 'invalid', reason: verdict.reason ?? verdict.status },
      ),
    );
  }
}
