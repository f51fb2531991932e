import { culturalDescriptionSchema, type CulturalDescription } from '../schema/description.js';
import { itemSchema, type Item } from '../schema/item.js';
import { hiddenCharacterReasons } from './check-hidden.js';
import { checkLanguage, type LanguageCheckOptions } from './check-language.js';
import { normalizeForShingles } from './minhash.js';

/** Why a candidate was rejected: the check that failed and what it found. */
export interface RejectionReason {
  /** `call`, `reply`, `incomplete`, `schema`, `options`, `answer`, `leak`, `hidden`, `language`, `near-duplicate`, `surplus`. */
  check: string;
  message: string;
}

/** Text compared for equality and containment: NFKC, lower case, letters and digits only. */
export function comparable(text: string): string {
  return normalizeForShingles(text).replace(/ /g, '');
}

const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * Whether a question contains an answer: whole words in scripts written with spaces (so "rice" is not found in
 * "price"), any run of characters in the others; answers shorter than 4 (spaced) or 2 (unspaced) characters are not looked for.
 */
function contains(question: string, answer: string): boolean {
  if (SPACED_SCRIPT.test(answer)) {
    const key = normalizeForShingles(answer);
    return key.replace(/ /g, '').length >= 4 && ` ${normalizeForShingles(question)} `.includes(` ${key} `);
  }
  const key = comparable(answer);
  return key.length >= 2 && comparable(question).includes(key);
}

/** Phrases that state an answer outright. */
const ANSWER_MARKERS =
  /\b(?:the (?:correct |right )?answer is|correct answer\s*[:：]|answer\s*[:：]\s*[A-Z]\b)|答案是|答案[:：]|正解は|正解[:：]|정답은|คำตอบคือ/iu;

/**
 * The checks of one generated item: the item schema, options distinct, the answer not leaked in the question, and
 * the language asked for. Returns every failure (an empty list: the item passes).
 *
 * @example
 * checkItem({ id: 'x', kind: 'knowledge', format: 'open', prompt: 'In Japan, what do hosts provide at the door? Slippers.', reference: 'Slippers', language: 'en' })
 * // [{ check: 'leak', message: 'the question contains the reference answer "Slippers"' }]
 */
export function checkItem(item: Item, options: LanguageCheckOptions = {}): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const parsed = itemSchema.safeParse(item);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reasons.push({ check: 'schema', message: `${issue.path.join('.') || 'item'}: ${issue.message}` });
  }
  if (item.format === 'mcq' && item.choices) {
    const seen = new Map<string, number>();
    item.choices.forEach((choice, index) => {
      const key = comparable(choice);
      const first = seen.get(key);
      if (first !== undefined)
        reasons.push({ check: 'options', message: `options ${letter(first)} and ${letter(index)} are the same: ${JSON.stringify(choice)}` });
      else seen.set(key, index);
    });
  }
  reasons.push(...leaks(item));
  reasons.push(...hiddenCharacterReasons({ prompt: item.prompt, choices: item.choices, reference: item.reference }));
  const languageText = [item.prompt, ...(item.choices ?? []), item.reference ?? ''].join('\n');
  const language = checkLanguage(languageText, item.language, options);
  if (!language.ok) reasons.push({ check: 'language', message: language.reason! });
  return dedupeReasons(reasons);
}

function leaks(item: Item): RejectionReason[] {
  if (ANSWER_MARKERS.test(item.prompt)) return [{ check: 'leak', message: 'the question states its answer' }];
  if (item.format === 'mcq' && item.choices && item.answer) {
    const index = item.answer.charCodeAt(0) - 65;
    const correct = item.choices[index];
    if (correct === undefined) return [];
    const distractorsInQuestion = item.choices.filter((choice, other) => other !== index && contains(item.prompt, choice)).length;
    if (contains(item.prompt, correct) && distractorsInQuestion < item.choices.length - 1) {
      return [{ check: 'leak', message: `the question contains the correct option ${JSON.stringify(correct)}` }];
    }
  }
  if (item.format === 'open' && item.reference && contains(item.prompt, item.reference)) {
    return [{ check: 'leak', message: `the question contains the reference answer ${JSON.stringify(item.reference)}` }];
  }
  return [];
}

/**
 * The checks of one decomposed description: the description schema and its language.
 *
 * @example
 * checkDescription({ id: 'jp-1.d1', country: 'JP', topic: 'etiquette', language: 'en', text: 'In Japan, …' }) // []
 */
export function checkDescription(description: CulturalDescription, options: LanguageCheckOptions = {}): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const parsed = culturalDescriptionSchema.safeParse(description);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reasons.push({ check: 'schema', message: `${issue.path.join('.') || 'description'}: ${issue.message}` });
  }
  reasons.push(...hiddenCharacterReasons({ text: description.text, topic: description.topic }));
  if (description.text) {
    const language = checkLanguage(description.text, description.language, options);
    if (!language.ok) reasons.push({ check: 'language', message: language.reason! });
  }
  return reasons;
}

function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

function dedupeReasons(reasons: RejectionReason[]): RejectionReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = `${reason.check}\u0000${reason.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
