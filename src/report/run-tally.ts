import { CostAccumulator } from '../analysis/cost.js';
import { AnswerTally, readByDiagnostics, type DiagnosticRow } from '../analysis/diagnostics.js';
import { KnowledgeSafetyTally } from '../analysis/knowledge-safety.js';
import { compareKeys, type GroupKey } from '../analysis/row-fields.js';
import { SeriesCache } from '../analysis/series-cache.js';
import { RunSummarizer } from '../analysis/summarize.js';
import { WorstGroupsFinder } from '../analysis/worst-groups.js';
import type { RunManifest } from '../schema/manifest.js';
import type { ResultBrief } from '../store/result-brief.js';
import type { HeatmapCell, LetterShare } from './chart-specs.js';
import { RetrievalTally } from './retrieval-section.js';
import type { ReportThresholds } from './build-run-report.js';

/** Running sum of one heatmap cell (model × condition × category × country). */
interface HeatCell {
  key: GroupKey;
  sum: number;
  n: number;
}

/** What a report gathers per kind of item: its summary, its heatmap cells and its worst groups, for every metric. */
export interface KindTally {
  summarizer: RunSummarizer;
  /** Per metric, per series, per category, per country. */
  heat: Map<string, SeriesCache<Map<string, Map<string, HeatCell>>>>;
  worst: Map<string, WorstGroupsFinder>;
}

/** What a report keeps per series: its label, its latencies, its answer letters. */
interface SeriesTally {
  label: string;
  latencies: GrowingFloat64;
  letters?: { chosen: AnswerTally; gold: Map<string, number>; n: number; letters: number };
}

/** The map key of a row without a category or a country. */
const NONE = '\u0001';

/** Values of a number appended one by one, held in a typed array that doubles as it fills. */
export class GrowingFloat64 {
  private values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Float64Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }
  /** A sorted copy (ascending). */
  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}

const HEAT_FIELDS = ['model', 'condition', 'category', 'country'] as const;

/**
 * Everything a run's report needs from its results, gathered in one pass as they stream from the store (or a
 * results.jsonl): the run's summary and one per kind of item (`RunSummarizer`), costs, heatmap cells, the worst-group
 * finders and knowledge–safety sums for every metric (the lead metrics are chosen once the pass has seen them all),
 * latencies in typed arrays, errors, answer letters, grounding recall, and the few results the benchmarks' diagnostics
 * read. Nothing is kept per result except latencies (8 bytes) and, for judged panels, the verdicts their agreement
 * needs, so memory does not grow with the run.
 *
 * @example
 * const tally = new RunTally(run.manifest, thresholds);
 * for (const row of run.rows) tally.add(row);
 */
export class RunTally {
  readonly summarizer: RunSummarizer;
  readonly kinds = new Map<string, KindTally>();
  readonly costs: CostAccumulator | undefined;
  readonly correlations = { country: new KnowledgeSafetyTally({ level: 'country' }), description: new KnowledgeSafetyTally({ level: 'description' }) };
  /** Whether any result names a cultural description (the correlation is then also drawn per description). */
  hasDescriptions = false;
  /** Whether any result is a translated item (`<source id>.<language>`): the cross-language tables then need a second pass. */
  hasTranslations = false;
  readonly retrieval = new RetrievalTally();
  private readonly series = new SeriesCache<SeriesTally>();
  /** Series in the order of their first multiple-choice result. */
  private readonly lettersOrder: SeriesTally[] = [];
  readonly errors = new Map<string, { series: string; message: string; count: number }>();
  /** The results the benchmarks' fine-grained diagnostics read (`readByDiagnostics`), the only ones kept whole. */
  readonly diagnosticRows: DiagnosticRow[] = [];

  constructor(
    private readonly manifest: RunManifest,
    private readonly thresholds: ReportThresholds,
  ) {
    this.summarizer = new RunSummarizer(manifest);
    this.costs = manifest.prices && Object.keys(manifest.prices).length > 0 ? new CostAccumulator(manifest.prices) : undefined;
  }

  add(row: ResultBrief): void {
    this.summarizer.add(row);
    this.costs?.add(row);
    let kind = this.kinds.get(row.kind);
    if (!kind) this.kinds.set(row.kind, (kind = { summarizer: new RunSummarizer(this.manifest), heat: new Map(), worst: new Map() }));
    kind.summarizer.add(row);
    for (const metric in row.metrics) {
      const value = row.metrics[metric];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      let finder = kind.worst.get(metric);
      if (!finder) {
        const { alpha, minN, examples } = this.thresholds;
        kind.worst.set(metric, (finder = new WorstGroupsFinder({ metric, by: ['country', 'category'], alpha, minN, examples })));
      }
      finder.add(row);
      let bySeries = kind.heat.get(metric);
      if (!bySeries) kind.heat.set(metric, (bySeries = new SeriesCache()));
      const byCategory = bySeries.get(row.model, row.condition, () => new Map());
      const category = row.category ?? NONE;
      let byCountry = byCategory.get(category);
      if (!byCountry) byCategory.set(category, (byCountry = new Map()));
      const country = row.country ?? NONE;
      let cell = byCountry.get(country);
      if (!cell) {
        const key: GroupKey = { model: row.model, condition: row.condition, category: row.category ?? null, country: row.country ?? null };
        byCountry.set(country, (cell = { key, sum: 0, n: 0 }));
      }
      cell.sum += value;
      cell.n++;
    }
    this.correlations.country.add(row);
    this.correlations.description.add(row);
    if (row.descriptionId !== undefined) this.hasDescriptions = true;
    if (row.itemId.endsWith(`.${row.language}`)) this.hasTranslations = true;
    this.retrieval.add(row);
    const series = this.series.get(row.model, row.condition, () => ({ label: `${row.model} · ${row.condition}`, latencies: new GrowingFloat64() }));
    if (!row.cached && row.status !== 'error' && row.latencyMs > 0) series.latencies.push(row.latencyMs);
    if (row.status === 'error') {
      const message = (row.error ?? 'unknown error').slice(0, 300);
      const key = `${series.label}\u0000${message}`;
      const entry = this.errors.get(key) ?? { series: series.label, message, count: 0 };
      entry.count++;
      this.errors.set(key, entry);
    }
    if (row.format === 'mcq' && row.choices && row.answer !== undefined && row.status !== 'error') {
      if (!series.letters) {
        series.letters = { chosen: new AnswerTally(), gold: new Map(), n: 0, letters: 0 };
        this.lettersOrder.push(series);
      }
      const letters = series.letters;
      letters.chosen.add(row);
      letters.gold.set(row.answer, (letters.gold.get(row.answer) ?? 0) + 1);
      letters.n++;
      letters.letters = Math.max(letters.letters, row.choices.length);
    }
    if (readByDiagnostics(row)) this.diagnosticRows.push(row);
  }

  /** A series' latencies (non-cached calls that did not fail), sorted. */
  sortedLatencies(label: string): Float64Array {
    for (const series of this.series.values()) if (series.label === label) return series.latencies.sorted();
    return new Float64Array(0);
  }

  /** One kind's category × country heatmap cells of a metric, per series (rows without a country left out). */
  heatmapCells(kind: string, metric: string): Map<string, HeatmapCell[]> {
    const cells: HeatCell[] = [];
    for (const byCategory of this.kinds.get(kind)?.heat.get(metric)?.values() ?? []) {
      for (const byCountry of byCategory.values()) cells.push(...byCountry.values());
    }
    const order = compareKeys(HEAT_FIELDS);
    cells.sort((a, b) => order(a.key, b.key));
    const result = new Map<string, HeatmapCell[]>();
    for (const { key, sum, n } of cells) {
      const { model, condition, category, country } = key;
      if (!model || !condition || !country) continue;
      const series = `${model} · ${condition}`;
      let list = result.get(series);
      if (!list) result.set(series, (list = []));
      list.push({ row: category ?? '(none)', column: country, mean: sum / n, n });
    }
    return result;
  }

  /** Per series: the share of each letter the model chose next to the share of right answers per letter. */
  letterShares(): LetterShare[] {
    const shares: LetterShare[] = [];
    for (const { label: series, letters: tally } of this.lettersOrder) {
      if (!tally) continue;
      const { gold, n, letters } = tally;
      const chosen = tally.chosen.result();
      for (let index = 0; index < letters; index++) {
        const letter = String.fromCharCode(65 + index);
        const chosenShare = chosen.byLetter[letter] ?? 0;
        shares.push({ series, letter, source: 'model', share: chosenShare, count: Math.round(chosenShare * chosen.n) });
        shares.push({ series, letter, source: 'gold', share: (gold.get(letter) ?? 0) / n, count: gold.get(letter) ?? 0 });
      }
    }
    return shares;
  }
}
