import { correlate, type CorrelationResult } from '../statistics/correlation.js';
import { InputError } from '../errors/culturekit-error.js';
import { SeriesCache } from './series-cache.js';
import { checkGroupFields, compareKeys, type GroupField, type GroupKey, keyOf, metricValue, type MetricRow } from './row-fields.js';

export interface KnowledgeSafetyOptions {
  /** One point per country, or per cultural description (its knowledge items paired with its safety items). */
  level: 'country' | 'description';
  /** Metric of knowledge items; default `accuracy`. */
  knowledgeMetric?: string;
  /** Metric of safety items; default `respectfulness`. */
  safetyMetric?: string;
  /** One correlation per value of these fields; default `['model', 'condition']`. */
  by?: readonly GroupField[];
}

/** One country or description: its mean knowledge score and its mean safety score. */
export interface KnowledgeSafetyPoint {
  /** The country code or the description id. */
  id: string;
  /** The country of a description (as its rows give it). */
  country?: string;
  knowledge: number;
  safety: number;
  /** Knowledge and safety rows behind the two means. */
  knowledgeN: number;
  safetyN: number;
}

export interface KnowledgeSafetyGroup {
  /** The `by` fields of this correlation, e.g. `{ model: 'openai:a', condition: 'plain' }`. */
  key: GroupKey;
  level: 'country' | 'description';
  knowledgeMetric: string;
  safetyMetric: string;
  /** Points that have both kinds of results, sorted by id. */
  points: KnowledgeSafetyPoint[];
  /** Of the points' knowledge and safety means (x = knowledge, y = safety). */
  correlation: CorrelationResult;
  /** Countries or descriptions that have results of only one kind, so are not points. */
  unpaired: { knowledgeOnly: string[]; safetyOnly: string[] };
}

/** One correlation's running sums: per point (country or description), per side, per metric. */
interface TallyGroup {
  key: GroupKey;
  points: Map<string, { knowledge: Map<string, Side>; safety: Map<string, Side> }>;
}

interface Side {
  sum: number;
  n: number;
  /** The country of the first row of this side with one, and that row's place in the stream (description level). */
  country?: string;
  order?: number;
}

/**
 * AdaCultureSafe's central analysis: does a model that knows a culture better also answer more respectfully about it?
 * For each model × condition (or the `by` fields), pairs the mean knowledge score (knowledge items) with the mean
 * safety score (safety items) per country or per cultural description (`descriptionId`), and correlates them
 * (Pearson, Spearman, Kendall with p-values and intervals; see {@link correlate}). Rows without the level's field or
 * without the metric (errors, unjudged items) are left out.
 *
 * @example
 * const [group] = knowledgeSafetyCorrelation(rows, { level: 'country' });
 * group.points      // [{ id: 'BR', knowledge: 0.72, safety: 7.9, knowledgeN: 40, safetyN: 40 }, …]
 * group.correlation // { n: 12, pearson: { r: 0.18, p: 0.57, … }, spearman: …, kendall: … }
 */
export function knowledgeSafetyCorrelation(rows: Iterable<MetricRow>, options: KnowledgeSafetyOptions): KnowledgeSafetyGroup[] {
  const knowledgeMetric = options.knowledgeMetric ?? 'accuracy';
  const safetyMetric = options.safetyMetric ?? 'respectfulness';
  const tally = new KnowledgeSafetyTally(options, [knowledgeMetric], [safetyMetric]);
  for (const row of rows) tally.add(row);
  return tally.result(knowledgeMetric, safetyMetric);
}

/**
 * `knowledgeSafetyCorrelation` fed one result at a time, for the metrics chosen afterwards: running sums per group,
 * point (country or description), side and metric — nothing per result.
 *
 * @example
 * const tally = new KnowledgeSafetyTally({ level: 'country' });
 * for (const row of rows) tally.add(row);
 * tally.result('accuracy', 'respectfulness') // as knowledgeSafetyCorrelation(rows, { level: 'country' })
 */
export class KnowledgeSafetyTally {
  private readonly by: GroupField[];
  private readonly groups = new Map<string, TallyGroup>();
  /** With the default grouping (model × condition): the groups found by series, without a key string per result. */
  private readonly series: SeriesCache<TallyGroup> | undefined;
  private seen = 0;

  /** `knowledgeMetrics` / `safetyMetrics`: the metrics to keep per side; default every metric. */
  constructor(
    private readonly options: Pick<KnowledgeSafetyOptions, 'level' | 'by'>,
    private readonly knowledgeMetrics?: readonly string[],
    private readonly safetyMetrics?: readonly string[],
  ) {
    this.by = checkGroupFields(options.by ?? ['model', 'condition'], 'by');
    if (this.by.length === 2 && this.by[0] === 'model' && this.by[1] === 'condition') this.series = new SeriesCache();
    if (options.level !== 'country' && options.level !== 'description')
      throw new InputError(`level must be country or description, got ${String(options.level)}`);
  }

  add(row: MetricRow): void {
    this.seen++;
    const side = row.kind === 'knowledge' ? 'knowledge' : row.kind === 'safety' ? 'safety' : undefined;
    if (!side) return;
    const id = this.options.level === 'country' ? row.country : row.descriptionId;
    if (id === undefined) return;
    const wanted = side === 'knowledge' ? this.knowledgeMetrics : this.safetyMetrics;
    let sides: Map<string, Side> | undefined;
    for (const metric of wanted ?? Object.keys(row.metrics)) {
      const value = metricValue(row, metric);
      if (value === undefined) continue;
      if (!sides) {
        const group =
          this.series && row.model !== undefined && row.condition !== undefined
            ? this.series.get(row.model, row.condition, () => this.group(row))
            : this.group(row);
        let point = group.points.get(id);
        if (!point) group.points.set(id, (point = { knowledge: new Map(), safety: new Map() }));
        sides = point[side];
      }
      let entry = sides.get(metric);
      if (!entry) sides.set(metric, (entry = { sum: 0, n: 0 }));
      if (this.options.level === 'description' && entry.country === undefined && row.country !== undefined) {
        entry.country = row.country;
        entry.order = this.seen;
      }
      entry.sum += value;
      entry.n++;
    }
  }

  private group(row: MetricRow): TallyGroup {
    const { key, id } = keyOf(row, this.by);
    let group = this.groups.get(id);
    if (!group) this.groups.set(id, (group = { key, points: new Map() }));
    return group;
  }

  result(knowledgeMetric: string, safetyMetric: string): KnowledgeSafetyGroup[] {
    const { level } = this.options;
    const result: KnowledgeSafetyGroup[] = [];
    for (const { key, points } of this.groups.values()) {
      const paired: KnowledgeSafetyPoint[] = [];
      const knowledgeOnly: string[] = [];
      const safetyOnly: string[] = [];
      let any = false;
      for (const id of [...points.keys()].sort()) {
        const point = points.get(id)!;
        const knowledge = point.knowledge.get(knowledgeMetric);
        const safety = point.safety.get(safetyMetric);
        if (!knowledge && !safety) continue;
        any = true;
        if (!knowledge) safetyOnly.push(id);
        else if (!safety) knowledgeOnly.push(id);
        else {
          const first = [knowledge, safety].filter((entry) => entry.order !== undefined).sort((a, b) => a.order! - b.order!)[0];
          paired.push({
            id,
            ...(first?.country !== undefined ? { country: first.country } : {}),
            knowledge: knowledge.sum / knowledge.n,
            safety: safety.sum / safety.n,
            knowledgeN: knowledge.n,
            safetyN: safety.n,
          });
        }
      }
      if (!any) continue;
      const correlation = correlate(
        paired.map((point) => point.knowledge),
        paired.map((point) => point.safety),
      );
      result.push({ key, level, knowledgeMetric, safetyMetric, points: paired, correlation, unpaired: { knowledgeOnly, safetyOnly } });
    }
    const order = compareKeys(this.by);
    return result.sort((a, b) => order(a.key, b.key));
  }
}
