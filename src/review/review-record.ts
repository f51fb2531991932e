import { culturalDescriptionSchema, type CulturalDescription } from '../schema/description.js';
import { itemSchema, type Item } from '../schema/item.js';

/** One thing to verify: a dataset item or a cultural description, as loaded. */
export type ReviewRecord =
  | { key: string; type: 'item'; position: number; original: Item }
  | { key: string; type: 'description'; position: number; original: CulturalDescription };

export type ReviewRecordType = ReviewRecord['type'];

/** The fields a reviewer may edit, by record type. */
export const editableFields = {
  item: ['prompt', 'choices', 'answer', 'reference', 'category', 'country'],
  description: ['text', 'topic', 'country'],
} as const satisfies Record<ReviewRecordType, readonly string[]>;

/** A field's value: text, a list of choices, or absent (`null`). */
export type FieldValue = string | string[] | null;

/** An edit as a diff against the original: only the changed fields, each with its old and new value (`null`: absent). */
export type FieldDiff = Record<string, { from: FieldValue; to: FieldValue }>;

/** A record's key in a project: `item:<id>` or `description:<id>` (item and description ids may coincide). */
export function recordKey(type: ReviewRecordType, id: string): string {
  return `${type}:${id}`;
}

function fieldValue(record: Record<string, unknown>, field: string): FieldValue {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

function normalizeValue(field: string, value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (field === 'choices') {
    const list = (Array.isArray(value) ? value.map(String) : String(value).split(/\r?\n/)).map((choice) => choice.trim()).filter(Boolean);
    return list.length === 0 ? null : list;
  }
  const text = Array.isArray(value) ? value.join('\n') : String(value);
  const trimmed = field === 'prompt' || field === 'text' || field === 'reference' ? text.replace(/\r\n/g, '\n').trim() : text.trim();
  return trimmed === '' ? null : trimmed;
}

const same = (left: FieldValue, right: FieldValue) => JSON.stringify(left) === JSON.stringify(right);

/**
 * The diff of proposed field values against a record's original: fields not proposed, not editable, or unchanged are
 * left out. Choices may come as a list or as text with one choice per line; empty text means "absent".
 *
 * @example
 * diffFields(record, { prompt: 'Fixed wording?', answer: 'B' }); // { prompt: { from: 'Old?', to: 'Fixed wording?' } } when the answer was already B
 */
export function diffFields(record: ReviewRecord, proposed: Record<string, unknown>): FieldDiff {
  const diff: FieldDiff = {};
  const original = record.original as Record<string, unknown>;
  for (const field of editableFields[record.type]) {
    if (!(field in proposed)) continue;
    const from = fieldValue(original, field);
    const to = normalizeValue(field, proposed[field]);
    if (!same(from, to)) diff[field] = { from, to };
  }
  return diff;
}

/**
 * The record with a diff applied, validated against the item or description schema; `problems` lists what is wrong
 * (a dropped choice that leaves the answer out of range, an empty prompt) when it does not validate.
 *
 * @example
 * const { value, problems } = applyDiff(record, { prompt: { from: 'Old?', to: 'New?' } });
 */
export function applyDiff(record: ReviewRecord, diff: FieldDiff): { value?: Item | CulturalDescription; problems: string[] } {
  const next: Record<string, unknown> = { ...record.original };
  for (const [field, change] of Object.entries(diff)) {
    if (change.to === null) delete next[field];
    else next[field] = change.to;
  }
  const schema = record.type === 'item' ? itemSchema : culturalDescriptionSchema;
  const parsed = schema.safeParse(next);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || record.type}: ${issue.message}`) };
}

/** The editable fields of a record with their current values (for forms). */
export function editableValues(record: ReviewRecord): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of editableFields[record.type]) values[field] = fieldValue(record.original as Record<string, unknown>, field);
  return values;
}
