import { SeriesCache } from '../analysis/series-cache.js';
import type { ResultBrief } from '../store/result-brief.js';
import { formatCount, formatValue } from './format-values.js';
import { html, type SafeHtml } from './html.js';

/** Mean of a metric over some rows (scored rows that carry it), with how many. */
export interface MetricMean {
  mean: number | undefined;
  n: number;
}

/** One model × condition: how often the grounded descriptions included the item's own, and the scores. */
export interface RetrievalConditionRow {
  model: string;
  condition: string;
  /** Rows with a paired description (`descriptionId`). */
  paired: number;
  /** Rows given descriptions (`details.grounding`). */
  grounded: number;
  /** Share of paired rows whose own description was among those given; undefined where the condition gives none. */
  recall: number | undefined;
  /** Share of paired rows whose own description was given first. */
  first: number | undefined;
  knowledge: MetricMean;
  safety: MetricMean;
  /** For `retrieved`: the scores of the rows whose own description was retrieved (hit) and of the others (miss). */
  split?: { hit: { knowledge: MetricMean; safety: MetricMean }; miss: { knowledge: MetricMean; safety: MetricMean } };
}

export interface RetrievalSummary {
  knowledgeMetric: string;
  safetyMetric: string | undefined;
  rows: RetrievalConditionRow[];
  /** Per model and kind: (retrieved − plain) / (oracle − plain), the share of the oracle's gain that retrieval captures. */
  captured: { model: string; kind: 'knowledge' | 'safety'; plain: number; retrieved: number; oracle: number; share: number | undefined }[];
}

/**
 * What grounding did in a run: per model and condition, the recall of the grounded descriptions (the item's own
 * description among those given) and the judged knowledge and safety scores; for `retrieved`, the scores split by
 * whether retrieval found the own description; and how much of `oracle`'s gain over `plain` `retrieved` captures.
 * Undefined when the run has no grounded condition.
 *
 * @example
 * const summary = retrievalSummary(run.rows, { knowledgeMetric: 'accuracy', safetyMetric: 'respect' });
 */
export function retrievalSummary(rows: Iterable<ResultBrief>, metrics: { knowledgeMetric: string; safetyMetric?: string }): RetrievalSummary | undefined {
  const tally = new RetrievalTally();
  for (const row of rows) tally.add(row);
  return tally.result(metrics);
}

/** Running sums of one series: counts, and per subset (all rows, retrieval hits, misses), kind and metric, sum and n. */
interface SeriesTally {
  model: string;
  condition: string;
  paired: number;
  grounded: number;
  hits: number;
  first: number;
  /** Per kind, per metric: running sums over all scored rows, retrieval hits and misses. */
  sums: Map<string, Map<string, Record<'all' | 'hit' | 'miss', { sum: number; n: number }>>>;
}

const groundingOf = (row: ResultBrief) => (Array.isArray(row.details?.grounding) ? (row.details.grounding as string[]) : undefined);

/**
 * `retrievalSummary` fed one result at a time, for metrics chosen afterwards: per model × condition, counts and the
 * running sum of every metric per kind, overall and (paired rows) split by retrieval hit and miss — nothing per result.
 *
 * @example
 * const tally = new RetrievalTally();
 * for (const row of rows) tally.add(row);
 * tally.result({ knowledgeMetric: 'accuracy', safetyMetric: 'respect' }) // as retrievalSummary(rows, …)
 */
export class RetrievalTally {
  private readonly series = new SeriesCache<SeriesTally>();
  private grounds = false;

  add(row: ResultBrief): void {
    const tally = this.series.get(row.model, row.condition, () => ({
      model: row.model,
      condition: row.condition,
      paired: 0,
      grounded: 0,
      hits: 0,
      first: 0,
      sums: new Map(),
    }));
    const grounds = row.condition === 'retrieved' || row.condition === 'oracle';
    if (grounds) this.grounds = true;
    const grounding = groundingOf(row);
    if (grounding !== undefined) tally.grounded++;
    let subset: 'hit' | 'miss' | undefined;
    if (row.descriptionId !== undefined) {
      tally.paired++;
      const hit = grounding?.includes(row.descriptionId) ?? false;
      if (hit) tally.hits++;
      if (grounding?.[0] === row.descriptionId) tally.first++;
      subset = hit ? 'hit' : 'miss';
    }
    if (row.status !== 'scored') return;
    let byMetric = tally.sums.get(row.kind);
    if (!byMetric) tally.sums.set(row.kind, (byMetric = new Map()));
    for (const metric in row.metrics) {
      const value = row.metrics[metric];
      if (typeof value !== 'number') continue;
      let sums = byMetric.get(metric);
      if (!sums) byMetric.set(metric, (sums = { all: { sum: 0, n: 0 }, hit: { sum: 0, n: 0 }, miss: { sum: 0, n: 0 } }));
      sums.all.sum += value;
      sums.all.n++;
      if (subset) {
        sums[subset].sum += value;
        sums[subset].n++;
      }
    }
  }

  /** Undefined when no result was of a grounded condition (`retrieved`, `oracle`). */
  result(metrics: { knowledgeMetric: string; safetyMetric?: string }): RetrievalSummary | undefined {
    if (!this.grounds) return undefined;
    const meanOf = (tally: SeriesTally, part: 'all' | 'hit' | 'miss', kind: string, metric: string | undefined): MetricMean => {
      const entry = metric === undefined ? undefined : tally.sums.get(kind)?.get(metric)?.[part];
      return entry?.n ? { mean: entry.sum / entry.n, n: entry.n } : { mean: undefined, n: 0 };
    };
    const scores = (tally: SeriesTally, part: 'all' | 'hit' | 'miss') => ({
      knowledge: meanOf(tally, part, 'knowledge', metrics.knowledgeMetric),
      safety: meanOf(tally, part, 'safety', metrics.safetyMetric),
    });
    const conditionOrder = ['plain', 'recall', 'retrieved', 'oracle'];
    const summaryRows: RetrievalConditionRow[] = [...this.series.values()]
      .map((tally) => {
        const { model, condition, paired } = tally;
        const grounds = condition === 'retrieved' || condition === 'oracle';
        const share = (count: number) => (grounds && paired ? count / paired : undefined);
        return {
          model,
          condition,
          paired,
          grounded: tally.grounded,
          recall: share(tally.hits),
          first: share(tally.first),
          ...scores(tally, 'all'),
          ...(condition === 'retrieved' ? { split: { hit: scores(tally, 'hit'), miss: scores(tally, 'miss') } } : {}),
        };
      })
      .sort(
        (left, right) =>
          left.model.localeCompare(right.model) ||
          conditionOrder.indexOf(left.condition) - conditionOrder.indexOf(right.condition) ||
          left.condition.localeCompare(right.condition),
      );
    const captured: RetrievalSummary['captured'] = [];
    for (const model of new Set(summaryRows.map((row) => row.model))) {
      const of = (condition: string) => summaryRows.find((row) => row.model === model && row.condition === condition);
      const [plain, retrieved, oracle] = [of('plain'), of('retrieved'), of('oracle')];
      if (!plain || !retrieved || !oracle) continue;
      for (const kind of ['knowledge', 'safety'] as const) {
        const [p, r, o] = [plain[kind].mean, retrieved[kind].mean, oracle[kind].mean];
        if (p === undefined || r === undefined || o === undefined) continue;
        captured.push({ model, kind, plain: p, retrieved: r, oracle: o, share: Math.abs(o - p) > 1e-9 ? (r - p) / (o - p) : undefined });
      }
    }
    return { knowledgeMetric: metrics.knowledgeMetric, safetyMetric: metrics.safetyMetric, rows: summaryRows, captured };
  }
}

/** A share as the retrieval tables show it (`—` where the condition gives no descriptions). */
const percent = (value: number | undefined) => (value === undefined ? '—' : `${(100 * value).toFixed(1)}%`);
/** A mean with its n, as the retrieval tables show it. */
const mean = (value: MetricMean) => (value.mean === undefined ? '—' : `${formatValue(value.mean)} (n=${formatCount(value.n)})`);

/** One table of the retrieval section: its `data-table` name, heading, header and rows as text, which columns are numbers. */
export interface RetrievalTable {
  name: 'retrieval' | 'retrieval-split' | 'retrieval-captured';
  title: string;
  header: string[];
  rows: string[][];
  numeric: boolean[];
}

/**
 * The retrieval section's tables as text, for the HTML and the Markdown report alike: conditions, the found/missed split
 * of `retrieved`, and the share of the oracle's gain captured (tables without rows left out).
 */
export function retrievalTables(summary: RetrievalSummary): RetrievalTable[] {
  const safety = summary.safetyMetric ?? 'safety';
  const splits = summary.rows.filter((row) => row.split);
  const tables: Omit<RetrievalTable, 'numeric'>[] = [
    {
      name: 'retrieval',
      title: 'Grounding and retrieval',
      header: [
        'model · condition',
        'paired items',
        'grounded',
        'own description given',
        'given first',
        `knowledge ${summary.knowledgeMetric}`,
        `safety ${safety}`,
      ],
      rows: summary.rows.map((row) => [
        `${row.model} · ${row.condition}`,
        formatCount(row.paired),
        formatCount(row.grounded),
        percent(row.recall),
        percent(row.first),
        mean(row.knowledge),
        mean(row.safety),
      ]),
    },
    {
      name: 'retrieval-split',
      title: "Retrieved: scores when retrieval found the item's own description, and when it did not",
      header: ['model', 'knowledge, found', 'knowledge, missed', 'safety, found', 'safety, missed'],
      rows: splits.map((row) => [
        row.model,
        mean(row.split!.hit.knowledge),
        mean(row.split!.miss.knowledge),
        mean(row.split!.hit.safety),
        mean(row.split!.miss.safety),
      ]),
    },
    {
      name: 'retrieval-captured',
      title: "Share of the oracle's gain that retrieval captures",
      header: ['model', 'kind', 'plain', 'retrieved', 'oracle', 'captured'],
      rows: summary.captured.map((entry) => [
        entry.model,
        entry.kind,
        formatValue(entry.plain),
        formatValue(entry.retrieved),
        formatValue(entry.oracle),
        percent(entry.share),
      ]),
    },
  ];
  return tables
    .filter((table) => table.rows.length > 0)
    .map((table) => ({ ...table, numeric: table.header.map((name, index) => index > 0 && name !== 'kind') }));
}

/**
 * The report section of `retrievalSummary`: a table per condition (recall of the grounded descriptions, knowledge
 * and safety scores), the `retrieved` scores split by retrieval hit and miss, and the share of the oracle gain captured.
 *
 * @example
 * renderRetrievalSection(summary, 'run-1') // <section id="run-1-retrieval">…
 */
export function renderRetrievalSection(summary: RetrievalSummary | undefined, idPrefix: string): SafeHtml {
  if (!summary) return html``;
  const numberClass = (numeric: boolean) => (numeric ? html` class="number"` : '');
  const tables = retrievalTables(summary).map(
    ({ name, title, header, rows, numeric }, index) =>
      html`${index > 0 ? html`<h4>${title}</h4>` : ''}<div class="table-scroll"><table data-table="${name}">
<thead><tr>${header.map((cell, column) => html`<th${numberClass(numeric[column])}>${cell}</th>`)}</tr></thead>
<tbody>${rows.map(
        (row) => html`<tr>${row.map((cell, column) => html`<td${column === 0 ? html` class="mono"` : numberClass(numeric[column])}>${cell}</td>`)}</tr>`,
      )}</tbody></table></div>
`,
  );
  return html`<section id="${idPrefix}-retrieval"><h3>Grounding and retrieval</h3>
${tables}<p class="note">Own description given: the share of items paired with a description (<code>descriptionId</code>) whose own description was among those the condition gave the model (<code>oracle</code> gives exactly it). Captured: (retrieved − plain) / (oracle − plain); the rest of the gap is mostly requests grounded in the wrong custom — compare the found and missed scores.</p>
</section>`;
}
