import {
  ANSWER_MARKERS,
  FALSE_WORDS,
  HEDGE_WORDS,
  REFUSAL_PATTERNS,
  STATEMENT_MARKERS,
  TRUE_FALSE_AFTER_NEGATIONS,
  TRUE_FALSE_FILLERS,
  TRUE_FALSE_NEGATIONS,
  TRUE_WORDS,
  VERDICT_WORDS,
} from './answer-words.js';
import { emptyReplyReason, isConditional, prepareReply, wordAlternation } from './extract-choice.js';

/** What made the extractor settle on a value. */
export type TrueFalseRule = 'marker' | 'leading-word' | 'verdict-word';

export type TrueFalseExtraction = { status: 'found'; value: 'true' | 'false'; rule: TrueFalseRule } | { status: 'invalid'; reason: string };

export interface ExtractTrueFalseOptions {
  /** The reply's expected language (BCP 47). Words of every supported language are always read. */
  language?: string;
}

/**
 * Reads whether a reply says a statement is true or false: true/false, yes/no, 对/错, 正しい/誤り, صحيح/خطأ,
 * verdadero/falso, vrai/faux, richtig/falsch… The last answer marker ("Answer: False", "The statement is
 * not true", "该说法是错误的") wins; then the reply's first word; then the unambiguous verdict words
 * anywhere, when they all agree. Negations flip ("not true" → false). Anything else is `invalid`.
 *
 * @example
 * extractTrueFalse('Answer: **False**. Kyoto stayed the capital until 1869.') // { status: 'found', value: 'false', rule: 'marker' }
 * extractTrueFalse('True or false? Hard to say.')                          // { status: 'invalid', reason: … }
 */
export function extractTrueFalse(reply: string, _options: ExtractTrueFalseOptions = {}): TrueFalseExtraction {
  const text = prepareReply(reply);
  if (text.trim() === '') return { status: 'invalid', reason: emptyReplyReason(reply) };

  let hedged = false;
  let last: { position: number; value: Value } | undefined;
  patterns().MARKER.lastIndex = 0;
  for (let match = patterns().MARKER.exec(text); match; match = patterns().MARKER.exec(text)) {
    if (isConditional(text, match.index)) continue;
    const read = readValue(text, skip(patterns().FILLER, text, match.index + match[0].length));
    if (read === 'hedged') hedged = true;
    else if (read) last = { position: match.index, value: read.value };
  }
  if (last) return { status: 'found', value: last.value, rule: 'marker' };

  const leading = readValue(text, skip(LEADING, text, 0));
  if (leading && leading !== 'hedged') return { status: 'found', value: leading.value, rule: 'leading-word' };
  if (leading === 'hedged') hedged = true;

  if (patterns().REFUSAL.test(text)) return { status: 'invalid', reason: 'the reply declines or does not know' };
  const values = new Set<Value>();
  patterns().VERDICT.lastIndex = 0;
  for (let match = patterns().VERDICT.exec(text); match; match = patterns().VERDICT.exec(text)) {
    const word = wordKey(match[0]);
    if (!VERDICT_KEYS.has(word)) continue;
    const end = match.index + match[0].length;
    if (NOT_A_VERDICT_AFTER.test(text.slice(end, end + 12))) continue;
    if (isHedgeAfter(text, end, POLARITY.get(word)!)) {
      hedged = true;
      patterns().VERDICT.lastIndex = skip(patterns().HEDGE, text, end);
      continue;
    }
    if (patterns().HEDGE_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index)) || isConditional(text, match.index) || endsInQuestion(text, end))
      continue;
    let value = POLARITY.get(word)!;
    if (patterns().NEGATED_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) value = flip(value);
    if (negatedAfter(text, end)) value = flip(value);
    values.add(value);
  }
  if (values.size === 1) return { status: 'found', value: [...values][0], rule: 'verdict-word' };
  if (values.size > 1) return { status: 'invalid', reason: 'says both true and false without a final answer' };
  if (hedged) return { status: 'invalid', reason: 'names both true and false without committing' };
  return { status: 'invalid', reason: 'no true/false answer found' };
}

type Value = 'true' | 'false';

const POLARITY: ReadonlyMap<string, Value> = new Map<string, Value>([
  ...TRUE_WORDS.map((word) => [wordKey(word), 'true'] as const),
  ...FALSE_WORDS.map((word) => [wordKey(word), 'false'] as const),
]);
const LEADING = /[\s>#*_"'“‘«「『([]*/y;
const COPULA = '(?:(?:है|است|ist|est|es|é|è|là|adalah|ni|是)\\s*)?';
const NOT_A_VERDICT_AFTER = /^\s*(?:answer|option|choice|one|way|statement|答案|选项|選項|的答案|答え|選択肢)/iu;
const HAN_PARTICLES = '的了啊呀吧嘛';
const SENTENCE_END = /[.!?。！？؟\n]/g;
const QUESTION_MARKS = '?？؟';
const VERDICT_KEYS: ReadonlySet<string> = new Set([...VERDICT_WORDS].map(wordKey));

function skip(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.exec(text) ? pattern.lastIndex : index;
}

function wordKey(match: string): string {
  return match.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

function flip(value: Value): Value {
  return value === 'true' ? 'false' : 'true';
}

/** Reads a (possibly negated) true/false word at `start`. */
function readValue(text: string, start: number): { value: Value } | 'hedged' | undefined {
  let index = start;
  let negated = false;
  patterns().NEGATION.lastIndex = index;
  if (patterns().NEGATION.exec(text)) {
    patterns().WORD.lastIndex = patterns().NEGATION.lastIndex;
    if (patterns().WORD.exec(text)) {
      negated = true;
      index = patterns().NEGATION.lastIndex;
    }
  }
  patterns().WORD.lastIndex = index;
  const match = patterns().WORD.exec(text);
  if (!match) return undefined;
  const end = index + match[0].length;
  // "对于…", "正解…", "是这样…": a one-character Chinese or Japanese word inside a longer word.
  if (isHan(text.charCodeAt(end - 1)) && isHan(text.charCodeAt(end)) && !HAN_PARTICLES.includes(text[end])) return undefined;
  let value = POLARITY.get(wordKey(match[0]))!;
  if (isHedgeAfter(text, end, value)) return 'hedged';
  if (endsInQuestion(text, end)) return undefined;
  if (negated) value = flip(value);
  if (negatedAfter(text, end)) value = flip(value);
  return { value };
}

/** "この記述は正しいですか、誤りですか？", "Is it true?": the sentence around the word is a question. */
function endsInQuestion(text: string, end: number): boolean {
  SENTENCE_END.lastIndex = end;
  const match = SENTENCE_END.exec(text);
  return match !== null && QUESTION_MARKS.includes(match[0]);
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function negatedAfter(text: string, end: number): boolean {
  patterns().AFTER_NEGATION.lastIndex = end;
  return patterns().AFTER_NEGATION.test(text);
}

/** "true or false", "对还是错": a word followed by a hedge and a word of the other polarity. */
function isHedgeAfter(text: string, end: number, value: Value): boolean {
  patterns().HEDGE.lastIndex = end;
  if (!patterns().HEDGE.exec(text)) return false;
  patterns().WORD.lastIndex = patterns().HEDGE.lastIndex;
  const other = patterns().WORD.exec(text);
  return other !== null && POLARITY.get(wordKey(other[0])) !== value;
}

/** The patterns of this module, compiled on first use: building them costs start-up time that most commands never need. */
function compilePatterns() {
  const WORDS = wordAlternation([...TRUE_WORDS, ...FALSE_WORDS]);
  const WORD = new RegExp(`(?:${WORDS})`, 'iuy');
  const VERDICT = new RegExp(`(?:${WORDS})`, 'giu');
  const MARKER = new RegExp([...ANSWER_MARKERS, ...STATEMENT_MARKERS].join('|').normalize('NFKC'), 'giu');
  const FILLER = new RegExp(`(?:[\\s:=\\-–—>*_"'“”‘’«»「」『』(\\[]|(?:${wordAlternation(TRUE_FALSE_FILLERS)}))+`, 'iuy');
  const NEGATION = new RegExp(`(?:${wordAlternation(TRUE_FALSE_NEGATIONS)})\\s*`, 'iuy');
  const NEGATED_BEFORE = new RegExp(
    `(?:${wordAlternation(TRUE_FALSE_NEGATIONS)})\\s*(?:(?:entirely|completely|quite|really|totally|necessarily|fully|wholly)\\s+)?$`,
    'iu',
  );
  const AFTER_NEGATION = new RegExp(`[\\s*_"'”’»」』)]*(?:है\\s+)?(?:${wordAlternation(TRUE_FALSE_AFTER_NEGATIONS)})`, 'iuy');
  const HEDGE_WORDS_SOURCE = wordAlternation([...HEDGE_WORDS, 'أم', 'hay', 'mı', 'mi', 'ou bien']);
  const HEDGE = new RegExp(`[\\s*_"'”’»」』)]*\\s*${COPULA}(?:[/,、]|(?:${HEDGE_WORDS_SOURCE}))\\s*[*_"'“‘«「『(]*`, 'iuy');
  const HEDGE_BEFORE = new RegExp(`(?:${HEDGE_WORDS_SOURCE}|/)\\s*[*_"'“‘«「『(]*$`, 'iu');
  const REFUSAL = new RegExp(REFUSAL_PATTERNS.join('|').normalize('NFKC'), 'iu');
  return { WORDS, WORD, VERDICT, MARKER, FILLER, NEGATION, NEGATED_BEFORE, AFTER_NEGATION, HEDGE_WORDS_SOURCE, HEDGE, HEDGE_BEFORE, REFUSAL };
}

let compiled: ReturnType<typeof compilePatterns> | undefined;
function patterns(): ReturnType<typeof compilePatterns> {
  compiled ??= compilePatterns();
  return compiled;
}
