import type { CulturalDescription } from '../schema/description.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import type { Item } from '../schema/item.js';
import type { RejectionReason } from './check-item.js';
import { comparable } from './check-item.js';
import { textField } from './parse-generator-reply.js';

/** A generated item before its checks, or the reasons it could not even be built. */
export interface Candidate {
  item?: Item;
  /** What the generator returned for it. */
  entry: unknown;
  reasons: RejectionReason[];
}

export interface CandidateContext {
  description: CulturalDescription;
  language: string;
  /** Recorded in each item's `metadata.build`. */
  build: { source?: string; generator: string; template: string };
}

const UNSPACED_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);

/**
 * The item of one knowledge query a generator wrote (`{format, question, options, answer}` for multiple choice,
 * `{format: 'true_false', question, answer}`, `{format: 'open', question, reference}`). The answer of a multiple-choice
 * query may be a letter, a 0-based index, the option's text, or options marked `{text, correct: true}`; it must pick
 * exactly one option.
 *
 * @example
 * knowledgeCandidate({ format: 'mcq', question: 'In Japan…?', options: ['a', 'b', 'c', 'd'], answer: 'B' }, 1, context).item?.answer // 'B'
 */
export function knowledgeCandidate(entry: unknown, index: number, context: CandidateContext): Candidate {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { entry, reasons: [{ check: 'incomplete', message: 'the query is not an object' }] };
  const fields = entry as Record<string, unknown>;
  const question = textField(fields, 'question', 'prompt', 'statement');
  if (!question) return { entry, reasons: [{ check: 'incomplete', message: 'the query has no "question"' }] };
  const format = formatOf(fields);
  const base: Item = {
    id: `${context.description.id}.${context.language}.k${index}`,
    kind: 'knowledge',
    format,
    prompt: question,
    language: context.language,
    country: context.description.country,
    category: context.description.topic,
    topic: context.description.topic,
    descriptionId: context.description.id,
    metadata: { build: context.build },
  };
  if (format === 'mcq') return mcqCandidate(fields, base);
  if (format === 'true_false') {
    const answer = truthValue(fields.answer);
    if (answer === undefined)
      return {
        entry,
        item: base,
        reasons: [{ check: 'answer', message: `a true/false answer must be true or false, got ${JSON.stringify(fields.answer ?? null)}` }],
      };
    return { entry, item: { ...base, answer }, reasons: [] };
  }
  const reference = textField(fields, 'reference', 'answer', 'reference_answer');
  if (!reference) return { entry, item: base, reasons: [{ check: 'incomplete', message: 'an open question needs a "reference" answer' }] };
  return { entry, item: { ...base, reference }, reasons: [] };
}

function formatOf(fields: Record<string, unknown>): Item['format'] {
  const declared = typeof fields.format === 'string' ? fields.format.toLowerCase().replace(/[\s-]/g, '_') : '';
  if (['mcq', 'multiple_choice', 'multiplechoice', 'choice'].includes(declared)) return 'mcq';
  if (['true_false', 'truefalse', 'tf', 'boolean', 'true/false'].includes(declared)) return 'true_false';
  if (['open', 'open_question', 'open_ended', 'short_answer'].includes(declared)) return 'open';
  if (fields.options !== undefined || fields.choices !== undefined) return 'mcq';
  if (typeof fields.answer === 'boolean') return 'true_false';
  return 'open';
}

function truthValue(value: unknown): 'true' | 'false' | undefined {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'string') return undefined;
  const word = value
    .trim()
    .toLowerCase()
    .replace(/[.!。]$/, '');
  if (['true', 't', 'yes', '正确', '对', '正しい', '〇', 'จริง', '참'].includes(word)) return 'true';
  if (['false', 'f', 'no', '错误', '错', '誤り', '×', 'เท็จ', '거짓'].includes(word)) return 'false';
  return undefined;
}

function mcqCandidate(fields: Record<string, unknown>, base: Item): Candidate {
  const entry = fields;
  const raw = fields.options ?? fields.choices;
  let options: { text: string; correct?: boolean }[] = [];
  if (Array.isArray(raw)) {
    options = raw.map((option) => {
      if (option && typeof option === 'object') {
        const record = option as Record<string, unknown>;
        return { text: textField(record, 'text', 'option', 'value') ?? '', correct: typeof record.correct === 'boolean' ? record.correct : undefined };
      }
      return { text: typeof option === 'string' || typeof option === 'number' ? String(option).trim() : '' };
    });
  } else if (raw && typeof raw === 'object') {
    options = Object.entries(raw as Record<string, unknown>)
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([, value]) => ({ text: typeof value === 'string' ? value.trim() : '' }));
  }
  const choices = options.map((option) => option.text.replace(/^\s*(?:[A-Z][.)：:]|\([A-Z]\))\s+/, ''));
  const item: Item = { ...base, choices };
  if (choices.length < 2) return { entry, item, reasons: [{ check: 'options', message: `a multiple-choice query needs options, got ${choices.length}` }] };
  if (choices.some((choice) => !choice)) return { entry, item, reasons: [{ check: 'options', message: 'an option is empty' }] };
  const picked = correctIndexes(fields.answer, choices, options);
  if (picked.length !== 1) {
    const message =
      picked.length === 0
        ? `the answer ${JSON.stringify(fields.answer ?? null)} picks no option`
        : `the answer picks ${picked.length} options (${picked.map((index) => CHOICE_LETTERS[index]).join(', ')}); exactly one must be correct`;
    return { entry, item, reasons: [{ check: 'answer', message }] };
  }
  return { entry, item: { ...item, answer: CHOICE_LETTERS[picked[0]] }, reasons: [] };
}

function correctIndexes(answer: unknown, choices: string[], options: { correct?: boolean }[]): number[] {
  const flagged = options.flatMap((option, index) => (option.correct ? [index] : []));
  if (options.some((option) => option.correct !== undefined)) return flagged;
  if (Array.isArray(answer)) return [...new Set(answer.flatMap((value) => correctIndexes(value, choices, options)))];
  if (typeof answer === 'number') return Number.isInteger(answer) && answer >= 0 && answer < choices.length ? [answer] : [];
  if (typeof answer !== 'string') return [];
  const trimmed = answer.trim();
  const letter = /^\(?([A-Za-z])[.)]?$/.exec(trimmed)?.[1];
  if (letter) {
    const index = CHOICE_LETTERS.indexOf(letter.toUpperCase());
    return index < choices.length ? [index] : [];
  }
  const key = comparable(trimmed.replace(/^\(?[A-Z][.)]\s+/, ''));
  return choices.flatMap((choice, index) => (comparable(choice) === key ? [index] : []));
}

/**
 * The item of one safety query (`{scene, request, concern}`): an open request whose prompt is the scene then the
 * request, as AdaCultureSafe's safety queries are.
 *
 * @example
 * safetyCandidate({ scene: 'I am staying with a host family in Kyoto.', request: 'Plan my first evening.' }, 1, context).item?.prompt
 * // 'I am staying with a host family in Kyoto. Plan my first evening.'
 */
export function safetyCandidate(entry: unknown, index: number, context: CandidateContext): Candidate {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { entry, reasons: [{ check: 'incomplete', message: 'the query is not an object' }] };
  const fields = entry as Record<string, unknown>;
  const scene = textField(fields, 'scene', 'scenario', 'context');
  const request = textField(fields, 'request', 'requirement', 'query', 'question');
  if (!scene || !request) return { entry, reasons: [{ check: 'incomplete', message: `the query has no "${scene ? 'request' : 'scene'}"` }] };
  const concern = textField(fields, 'concern', 'custom', 'note');
  const separator = UNSPACED_LANGUAGES.has(context.language.split('-')[0]) ? '' : ' ';
  const item: Item = {
    id: `${context.description.id}.${context.language}.s${index}`,
    kind: 'safety',
    format: 'open',
    prompt: `${scene}${separator}${request}`,
    language: context.language,
    country: context.description.country,
    category: context.description.topic,
    topic: context.description.topic,
    descriptionId: context.description.id,
    metadata: { scene, requirement: request, ...(concern ? { concern } : {}), build: context.build },
  };
  return { entry, item, reasons: [] };
}
