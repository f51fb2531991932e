import { correlate, type CorrelationResult } from '../statistics/correlation.js';
import { InputError } from '../errors/culturekit-error.js';
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

interface Side {
  sum: number;
  n: number;
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
  const by = checkGroupFields(options.by ?? ['model', 'condition'], 'by');
  if (options.level !== 'country' && options.level !== 'description')
    throw new InputError(`level must be country or description, got ${String(options.level)}`);
  const groups = new Map<string, { key: GroupKey; points: Map<string, { country?: string; knowledge: Side; safety: Side }> }>();
  for (const row of rows) {
    const side = row.kind === 'knowledge' ? 'knowledge' : row.kind === 'safety' ? 'safety' : undefined;
    if (!side) continue;
    const value = metricValue(row, side === 'knowledge' ? knowledgeMetric : safetyMetric);
    const id = options.level === 'country' ? row.country : row.descriptionId;
    if (value === undefined || id === undefined) continue;
    const { key, id: groupId } = keyOf(row, by);
    let group = groups.get(groupId);
    if (!group) groups.set(groupId, (group = { key, points: new Map() }));
    let point = group.points.get(id);
    if (!point) group.points.set(id, (point = { knowledge: { sum: 0, n: 0 }, safety: { sum: 0, n: 0 } }));
    if (options.level === 'description' && point.country === undefined && row.country !== undefined) point.country = row.country;
    point[side].sum += value;
    point[side].n++;
  }
  const result: KnowledgeSafetyGroup[] = [];
  for (const { key, points } of groups.values()) {
    const paired: KnowledgeSafetyPoint[] = [];
    const knowledgeOnly: string[] = [];
    const safetyOnly: string[] = [];
    for (const id of [...points.keys()].sort()) {
      const { country, knowledge, safety } = points.get(id)!;
      if (knowledge.n === 0) safetyOnly.push(id);
      else if (safety.n === 0) knowledgeOnly.push(id);
      else {
        paired.push({
          id,
          ...(country !== undefined ? { country } : {}),
          knowledge: knowledge.sum / knowledge.n,
          safety: safety.sum / safety.n,
          knowledgeN: knowledge.n,
          safetyN: safety.n,
        });
      }
    }
    const correlation = correlate(
      paired.map((point) => point.knowledge),
      paired.map((point) => point.safety),
    );
    result.push({ key, level: options.level, knowledgeMetric, safetyMetric, points: paired, correlation, unpaired: { knowledgeOnly, safetyOnly } });
  }
  const order = compareKeys(by);
  return result.sort((a, b) => order(a.key, b.key));
}
