import type { z } from 'zod';
import type { RecordProblem } from '../errors/culturekit-error.js';
import { culturalDescriptionSchema, type CulturalDescription } from '../schema/description.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import { itemSchema, type Item } from '../schema/item.js';
import type { RecordType } from './raw-record.js';
import { isPlainObject } from './scan-json.js';

/** A problem in one field of a record (the file and line are added by the caller). */
export type FieldProblem = Pick<RecordProblem, 'field' | 'problem'>;

export type NormalizedRecord =
  | { type: 'item'; item: Item }
  | { type: 'description'; description: CulturalDescription }
  | { type: 'invalid'; problems: FieldProblem[] };

/** Accepted spellings of each field, the canonical name first; the first one present wins, the others go to `metadata`. */
export const fieldSpellings = {
  id: ['id', 'item_id', 'itemId'],
  type: ['type'],
  kind: ['kind'],
  format: ['format'],
  prompt: ['prompt', 'question'],
  choices: ['choices', 'options'],
  answer: ['answer', 'label', 'gold'],
  reference: ['reference', 'reference_answer'],
  language: ['language', 'lang'],
  country: ['country', 'country_code', 'countryCode'],
  category: ['category'],
  topic: ['topic'],
  descriptionId: ['descriptionId', 'description_id'],
  history: ['history'],
  metadata: ['metadata'],
  text: ['text'],
  source: ['source'],
} as const;

/** Column spellings of separate choices, by letter: `A`, `choice_a`, `option_a` (and `choice_A`, `option_A`). */
const CHOICE_COLUMN_SCHEMES: readonly (readonly string[])[][] = [
  (letter: string) => [letter],
  (letter: string) => [`choice_${letter.toLowerCase()}`, `choice_${letter}`],
  (letter: string) => [`option_${letter.toLowerCase()}`, `option_${letter}`],
].map((spell) => CHOICE_LETTERS.split('').map(spell));

/**
 * Turn a raw record into an item or a cultural description and validate it. A record with `prompt`
 * (or `question`) is an item; one with `text` and no prompt, or `type: "description"`, is a description.
 * Common spellings are accepted (see `fieldSpellings`); choices may be an array, an object keyed by
 * letter, a JSON array string, or separate columns; the answer may be a letter, a 0-based index or the
 * text of a choice, and becomes the letter. Unknown fields of an item go to `metadata`.
 *
 * @example
 * normalizeRecord({ id: 'q1', question: 'Capital of Japan?', options: { A: 'Kyoto', B: 'Tokyo' }, label: 1, language: 'en', country: 'JP' });
 * // { type: 'item', item: { id: 'q1', kind: 'knowledge', format: 'mcq', prompt: 'Capital of Japan?', choices: ['Kyoto', 'Tokyo'], answer: 'B', language: 'en', country: 'JP' } }
 */
export function normalizeRecord(value: Record<string, unknown>, recordType?: RecordType): NormalizedRecord {
  const fields = new Fields(value);
  const declared = fields.peek('type');
  let type = recordType;
  if (typeof declared === 'string' && ['item', 'description'].includes(declared.trim().toLowerCase())) {
    type = declared.trim().toLowerCase() as RecordType;
    fields.take('type');
  }
  type ??= fields.has('prompt') ? 'item' : fields.has('text') ? 'description' : undefined;
  if (type === 'item') return normalizeItem(fields);
  if (type === 'description') return normalizeDescription(fields);
  return {
    type: 'invalid',
    problems: [{ field: '', problem: 'record is neither an item (it has no "prompt" or "question") nor a description (it has no "text")' }],
  };
}

function normalizeItem(fields: Fields): NormalizedRecord {
  const problems: FieldProblem[] = [];
  const candidate: Record<string, unknown> = {};
  const set = setter(candidate);

  set('id', identifier(fields.take('id')));
  set('kind', trimmed(fields.take('kind')) ?? 'knowledge');
  set('prompt', fields.take('prompt'));
  const choices = readChoices(fields, problems);
  set('choices', choices.value);
  const answer = fields.take('answer');
  set('reference', fields.take('reference'));
  const format = trimmed(fields.take('format')) ?? (choices.given ? 'mcq' : typeof answer === 'boolean' ? 'true_false' : 'open');
  set('format', format);
  set('language', trimmed(fields.take('language')));
  set('country', trimmed(fields.take('country')));
  set('category', fields.take('category'));
  set('topic', fields.take('topic'));
  set('descriptionId', identifier(fields.take('descriptionId')));
  set('history', jsonCell(fields.take('history'), 'history', problems));

  if (answer !== undefined) {
    if (format === 'mcq') set('answer', answerLetter(answer, choices.value, problems));
    else if (format === 'true_false') set('answer', trueFalse(answer));
    else if (format === 'open' && candidate.reference === undefined && (typeof answer === 'string' || typeof answer === 'number')) {
      set('reference', String(answer));
    } else set('answer', answer);
  }

  const explicitMetadata = jsonCell(fields.take('metadata'), 'metadata', problems);
  const extras = fields.rest();
  if (explicitMetadata !== undefined && !isPlainObject(explicitMetadata)) {
    set('metadata', explicitMetadata);
  } else if (explicitMetadata !== undefined || extras) {
    set('metadata', { ...extras, ...(explicitMetadata as Record<string, unknown> | undefined) });
  }

  const result = itemSchema.safeParse(candidate);
  const all = [...problems, ...(result.success ? [] : issueProblems(result.error.issues, candidate, problems))];
  if (all.length > 0) return { type: 'invalid', problems: all };
  return { type: 'item', item: result.data as Item };
}

function normalizeDescription(fields: Fields): NormalizedRecord {
  const candidate: Record<string, unknown> = {};
  const set = setter(candidate);
  set('id', identifier(fields.take('id')));
  set('country', trimmed(fields.take('country')));
  set('topic', fields.take('topic'));
  set('language', trimmed(fields.take('language')));
  set('text', fields.take('text'));
  set('source', fields.take('source'));
  const result = culturalDescriptionSchema.safeParse(candidate);
  if (!result.success) return { type: 'invalid', problems: issueProblems(result.error.issues, candidate, []) };
  return { type: 'description', description: result.data };
}

/** The record's fields by canonical name; `null` counts as absent. */
class Fields {
  private readonly value: Record<string, unknown>;
  private readonly taken: string[] = [];
  constructor(value: Record<string, unknown>) {
    this.value = value;
  }
  private present(spelling: string): boolean {
    const inner = this.value[spelling];
    return inner !== undefined && inner !== null && Object.hasOwn(this.value, spelling) && !this.taken.includes(spelling);
  }
  has(name: keyof typeof fieldSpellings): boolean {
    return this.hasAny(fieldSpellings[name]);
  }
  peek(name: keyof typeof fieldSpellings): unknown {
    for (const spelling of fieldSpellings[name]) if (this.present(spelling)) return this.value[spelling];
    return undefined;
  }
  take(name: keyof typeof fieldSpellings): unknown {
    return this.takeFirst(fieldSpellings[name]);
  }
  takeFirst(spellings: readonly string[]): unknown {
    for (const spelling of spellings) {
      if (this.present(spelling)) {
        this.taken.push(spelling);
        return this.value[spelling];
      }
    }
    return undefined;
  }
  hasAny(spellings: readonly string[]): boolean {
    for (const spelling of spellings) if (this.present(spelling)) return true;
    return false;
  }
  rest(): Record<string, unknown> | undefined {
    let rest: Record<string, unknown> | undefined;
    for (const key in this.value) {
      if (this.present(key)) (rest ??= {})[key] = this.value[key];
    }
    return rest;
  }
}

function readChoices(fields: Fields, problems: FieldProblem[]): { value?: unknown; given: boolean } {
  if (fields.has('choices')) {
    const raw = fields.take('choices');
    if (Array.isArray(raw)) return { value: raw.map(choiceText), given: true };
    if (isPlainObject(raw)) {
      const choices = choicesByLetter(raw);
      if (choices) return { value: choices, given: true };
      const keys = Object.keys(raw);
      const expected = CHOICE_LETTERS.slice(0, Math.max(keys.length, 2)).split('').join(', ');
      problems.push({
        field: 'choices',
        problem: `an object of choices must be keyed by the letters ${expected}; got ${keys.map((key) => JSON.stringify(key)).join(', ') || 'no keys'}`,
      });
      return { given: true };
    }
    if (typeof raw === 'string' && raw.trim().startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (Array.isArray(parsed)) return { value: parsed.map(choiceText), given: true };
      } catch (error) {
        problems.push({ field: 'choices', problem: `not a valid JSON array: ${(error as Error).message}` });
        return { given: true };
      }
    }
    problems.push({ field: 'choices', problem: 'expected an array, an object keyed by letter ({"A": …, "B": …}) or a JSON array string' });
    return { given: true };
  }
  for (const scheme of CHOICE_COLUMN_SCHEMES) {
    if (!fields.hasAny(scheme[0])) continue;
    const choices: unknown[] = [];
    let position = 0;
    while (position < scheme.length && fields.hasAny(scheme[position])) {
      choices.push(choiceText(fields.takeFirst(scheme[position])));
      position++;
    }
    const stray = scheme.findIndex((spellings, index) => index > position && fields.hasAny(spellings));
    if (stray !== -1) {
      problems.push({
        field: 'choices',
        problem: `choice ${CHOICE_LETTERS[stray]} is given but choice ${CHOICE_LETTERS[position]} is empty`,
      });
      for (let index = stray; index < scheme.length; index++) fields.takeFirst(scheme[index]);
      return { given: true };
    }
    return { value: choices, given: true };
  }
  return { given: false };
}

/** `{ A: …, B: … }` (keys in any order and case) as a list, or `undefined` when the keys are not exactly A, B, C… */
function choicesByLetter(raw: Record<string, unknown>): unknown[] | undefined {
  const keys = Object.keys(raw);
  if (keys.length === 0) return undefined;
  const choices: unknown[] = new Array(keys.length);
  for (const key of keys) {
    const letter = key.trim().toUpperCase();
    const position = letter.length === 1 ? CHOICE_LETTERS.indexOf(letter) : -1;
    if (position === -1 || position >= keys.length || choices[position] !== undefined) return undefined;
    choices[position] = choiceText(raw[key]);
  }
  return choices;
}

function setter(target: Record<string, unknown>): (key: string, value: unknown) => void {
  return function set(key, value) {
    if (value !== undefined) target[key] = value;
  };
}

function choiceText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : value;
}

function answerLetter(answer: unknown, choices: unknown, problems: FieldProblem[]): unknown {
  const count = Array.isArray(choices) ? choices.length : 0;
  const fromIndex = (index: number): string | undefined => {
    if (count > 0 && index >= 0 && index < count) return CHOICE_LETTERS[index];
    problems.push({
      field: 'answer',
      problem: `index ${index} is out of range for ${count} choices (a numeric answer is a 0-based index)`,
    });
    return undefined;
  };
  if (typeof answer === 'number') {
    if (Number.isInteger(answer)) return fromIndex(answer);
    problems.push({ field: 'answer', problem: `expected a letter, a 0-based index or the text of a choice, got ${answer}` });
    return undefined;
  }
  if (typeof answer !== 'string') return answer;
  const text = answer.trim();
  if (/^[A-Z]$/.test(text)) return text;
  if (Array.isArray(choices)) {
    const exact = choices.indexOf(answer);
    const position = exact !== -1 ? exact : choices.indexOf(text);
    if (position !== -1 && position < CHOICE_LETTERS.length) return CHOICE_LETTERS[position];
  }
  if (/^[a-z]$/.test(text)) return text.toUpperCase();
  if (/^\d+$/.test(text)) return fromIndex(Number(text));
  return answer;
}

function trueFalse(answer: unknown): unknown {
  if (typeof answer === 'boolean') return String(answer);
  if (typeof answer === 'string' && /^(true|false)$/i.test(answer.trim())) return answer.trim().toLowerCase();
  return answer;
}

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() || undefined : value;
}

function identifier(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return trimmed(value);
}

/** A field that may arrive as JSON text (a CSV cell) holding an array or an object. */
function jsonCell(value: unknown, field: string, problems: FieldProblem[]): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('[') && !text.startsWith('{')) return value;
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ field, problem: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/** Zod issues as field problems; fields that normalisation already reported are not reported twice. */
function issueProblems(issues: readonly z.core.$ZodIssue[], candidate: Record<string, unknown>, reported: FieldProblem[]): FieldProblem[] {
  const already = new Set(reported.map((problem) => problem.field.split('.')[0]));
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (already.has(field.split('.')[0])) continue;
    const missing = issue.code === 'invalid_type' && valueAt(candidate, issue.path) === undefined;
    problems.push({ field, problem: missing ? 'required field is missing' : issue.message });
  }
  return problems;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
