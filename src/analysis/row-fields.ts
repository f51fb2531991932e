import { InputError } from '../errors/culturekit-error.js';
import type { ResultRow } from '../schema/result.js';

/** The fields of a result row that results can be grouped, paired or macro-averaged by. */
export const groupFields = [
  'model',
  'condition',
  'itemId',
  'kind',
  'format',
  'language',
  'country',
  'category',
  'topic',
  'descriptionId',
  'status',
  'method',
  'template',
  'runId',
] as const;
export type GroupField = (typeof groupFields)[number];

/** What the analysis functions read from a result: its metrics and any of the group fields (a `ResultRow` is one). */
export type MetricRow = Pick<ResultRow, 'metrics'> & Partial<Pick<ResultRow, GroupField>>;

/** The value of a group field in a row as a group key: `null` where the row has none. */
export type GroupKey = Partial<Record<GroupField, string | null>>;

/**
 * Whether a string names a group field (for fields given on the command line).
 *
 * @example
 * isGroupField('country') // true
 */
export function isGroupField(name: string): name is GroupField {
  return (groupFields as readonly string[]).includes(name);
}

/** Throws an InputError naming the first field that is not a group field (fields can come from the command line). */
export function checkGroupFields(fields: readonly string[], option: string): GroupField[] {
  for (const field of fields) {
    if (!isGroupField(field)) throw new InputError(`${option}: unknown field "${field}"; use one of ${groupFields.join(', ')}`);
  }
  return [...fields] as GroupField[];
}

/** The value of one group field of a row, `null` when absent. */
export function fieldValue(row: MetricRow, field: GroupField): string | null {
  return row[field] ?? null;
}

/** The key of a row for some fields, and a string that identifies it (for maps). */
export function keyOf(row: MetricRow, fields: readonly GroupField[]): { key: GroupKey; id: string } {
  const key: GroupKey = {};
  const parts: string[] = [];
  for (const field of fields) {
    const value = fieldValue(row, field);
    key[field] = value;
    parts.push(value === null ? '\u0001' : value);
  }
  return { key, id: parts.join('\u0000') };
}

/** Orders group keys by their values, field by field (`null` last). */
export function compareKeys(fields: readonly GroupField[]): (a: GroupKey, b: GroupKey) => number {
  return (a, b) => {
    for (const field of fields) {
      const left = a[field] ?? null;
      const right = b[field] ?? null;
      if (left === right) continue;
      if (left === null) return 1;
      if (right === null) return -1;
      return left < right ? -1 : 1;
    }
    return 0;
  };
}

/** The value of a metric in a row when it is a finite number, otherwise undefined. */
export function metricValue(row: MetricRow, metric: string): number | undefined {
  const value = row.metrics[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A 0/1 metric (accuracy, refusal) as opposed to a graded one (a 1–10 judge score). */
export function isBinary(values: Iterable<number>): boolean {
  for (const value of values) if (value !== 0 && value !== 1) return false;
  return true;
}
