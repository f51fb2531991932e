import { CHOICE_LETTERS } from '../schema/fields.js';
import { foldAnswer } from '../text/fold-text.js';
import {
  ANSWER_FILLERS,
  ANSWER_MARKERS,
  CONDITIONAL_WORDS,
  CONNECTIVE_WORDS,
  CORRECTION_WORDS,
  DEFAULT_ONE_LETTER_WORDS,
  HEDGE_WORDS,
  NATIVE_LETTERS,
  NEGATION_WORDS,
  ONE_LETTER_WORDS,
  OPINION_MARKERS,
  REFUSAL_PATTERNS,
  primaryLanguage,
} from './answer-words.js';

/** What made the extractor settle on a letter. */
export type ChoiceRule =
  | 'marker'
  | 'marker-text'
  | 'boxed'
  | 'verdict'
  | 'lone-letter'
  | 'choice-text'
  | 'leading-letter'
  | 'final-line'
  | 'bold'
  | 'latex'
  | 'parenthesized'
  | 'option-word'
  | 'quoted'
  | 'label';

export type ChoiceExtraction = { status: 'found'; letter: string; rule: ChoiceRule } | { status: 'invalid'; reason: string };

export interface ExtractChoiceOptions {
  /** The reply's expected language (BCP 47). Markers of every language are always read; the language refines which one-letter words (`A` in English, `O` in Portuguese) are words rather than answers. */
  language?: string;
}

/**
 * Reads the chosen option letter from a free-text reply to a multiple-choice question.
 *
 * In order: the last committed answer marker ("Answer: B", "答案是 C", "\boxed{C}", "B is correct") wins;
 * then a reply that is only a letter, only one option's text, starts with a letter label or ends with a lone letter;
 * then, unless the reply declines, a single emphasised, parenthesised or "Option B" letter. Letters of other scripts (`В`, `ب`, `ข`, `ㄴ`) and full-width forms map to
 * Latin letters. A hedge ("A or B"), a negation ("not A"), a letter beyond the options, a refusal, or several
 * letters without a marker give `invalid` with a reason: the extractor never guesses.
 *
 * @example
 * extractChoice('The answer is **(C)**.', ['Tokyo', 'Osaka', 'Kyoto', 'Nara']) // { status: 'found', letter: 'C', rule: 'marker' }
 * extractChoice('A or B, hard to say.', ['Tokyo', 'Osaka', 'Kyoto', 'Nara'])   // { status: 'invalid', reason: 'mentions A, B without committing to one' }
 */
export function extractChoice(reply: string, choices: readonly string[], options: ExtractChoiceOptions = {}): ChoiceExtraction {
  const text = prepareReply(reply);
  if (text.trim() === '') return { status: 'invalid', reason: emptyReplyReason(reply) };
  const normalizedChoices = choices.map(foldChoice);
  const context: Context = {
    text,
    count: choices.length > 0 ? Math.min(choices.length, CHOICE_LETTERS.length) : CHOICE_LETTERS.length,
    rawChoices: choices,
    choices: normalizedChoices,
    longestChoice: normalizedChoices.reduce((length, choice) => Math.max(length, choice.length), 0),
    oneLetterWords: oneLetterWordsFor(options.language),
  };
  const tokens = scanTokens(context);

  const { committed, hedged } = lastCommitment(context, tokens);
  if (committed) return committed;

  const whole = wholeReply(context, tokens);
  if (whole) return whole;

  if (patterns().REFUSAL.test(text)) return { status: 'invalid', reason: 'the reply declines or does not know' };
  const referenced = singleReference(context, tokens);
  if (referenced) return referenced;
  return { status: 'invalid', reason: hedged ? 'the answer names more than one option' : 'no answer letter or option text found' };
}

// ---------------------------------------------------------------------------------------------
// Shared text helpers (also used by extract-true-false.ts)

const THINK_OPEN = '<think>';
const THINK_CLOSE = '</think>';
const CIRCLED_NUMBER = /[\u2460-\u2473\u2776-\u277F\u2780-\u2789\u278A-\u2793]/g;
const LATEX_WRAPPER = /\\(?:text|textbf|textit|textrm|texttt|mathrm|mathbf|mathit|mathtt|operatorname|mbox)\s*\{([^{}]*)\}/g;
const HTML_EMPHASIS = /<\/?(?:b|strong|em|i|u|mark)>/gi;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** A choice folded for comparing with a prepared reply: zero-width (non-)joiners dropped, as `prepareReply` drops them. */
function foldChoice(choice: string): string {
  return foldAnswer(choice.replace(INVISIBLE, ''));
}

/**
 * Prepares a reply for reading: drops reasoning inside `<think>…</think>`, maps circled numbers (①) to letters,
 * applies NFKC (full-width `Ｂ` → `B`, `：` → `:`), unwraps LaTeX text commands and turns HTML emphasis into `**`.
 *
 * @example
 * prepareReply('<think>A? B?</think>答案：Ｂ') // '答案:B'
 */
export function prepareReply(reply: string): string {
  let text = reply;
  const close = text.lastIndexOf(THINK_CLOSE);
  if (close !== -1) text = text.slice(close + THINK_CLOSE.length);
  const open = text.indexOf(THINK_OPEN);
  if (open !== -1) text = text.slice(0, open);
  text = text.replace(CIRCLED_NUMBER, circledToLetter).normalize('NFKC').replace(INVISIBLE, '');
  for (let pass = 0; pass < 3 && text.includes('\\'); pass++) {
    const unwrapped = text.replace(LATEX_WRAPPER, '$1');
    if (unwrapped === text) break;
    text = unwrapped;
  }
  if (text.includes('<')) text = text.replace(HTML_EMPHASIS, '**');
  return text;
}

/** Why a reply that prepares to nothing is empty: no text at all, or reasoning that never finished. */
export function emptyReplyReason(reply: string): string {
  return reply.includes(THINK_OPEN) && !reply.includes(THINK_CLOSE) ? 'the reply ended inside its <think> reasoning' : 'empty reply';
}

function circledToLetter(character: string): string {
  const code = character.charCodeAt(0);
  const first = code >= 0x278a ? 0x278a : code >= 0x2780 ? 0x2780 : code >= 0x2776 ? 0x2776 : 0x2460;
  return CHOICE_LETTERS[code - first];
}

/**
 * A regular-expression alternation of words, longest first, with word boundaries where the script has spaces
 * (Latin, Cyrillic, Arabic, Devanagari…) and none where it has not (Chinese, Japanese, Thai, Korean particles).
 *
 * @example
 * new RegExp(wordAlternation(['or', '或']), 'iu').test('A或B') // true
 */
export function wordAlternation(words: readonly string[]): string {
  return [...new Set(words.map((word) => word.normalize('NFKC')))]
    .sort((left, right) => right.length - left.length)
    .map((word) => {
      const body = escapeRegExp(word).replace(/ /g, '\\s+');
      const start = SPACED_SCRIPT.test(word[0]) ? '(?<![\\p{L}\\p{M}\\p{N}])' : '';
      const end = SPACED_SCRIPT.test(word[word.length - 1]) ? '(?![\\p{L}\\p{M}\\p{N}])' : '';
      return `${start}${body}${end}`;
    })
    .join('|');
}

const SPACED_SCRIPT =
  /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hebrew}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Ethiopic}\p{N}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Compiled once

const OPEN_DECORATION = /(?:\*\*|__|[*_([{"'“‘「『«‹`$【〔]|\\\(|\s)*/y;
const CLOSE_DECORATION = /(?:\*\*|__|[*_)\]}"'”’」』»›`$】〕]|\\\))*/y;
const BOXED = /\\boxed\s*\{/g;
const ARTICLE_BEFORE_LETTER = /[ao]\s+(?=(?:(?:letra|opção|opción|alternativa|op[cç][aã]o)\s+)?(?:\*\*|[*_("'])*[A-Z](?![\p{L}\p{N}]))/uy;
const PARENTHETICAL = /\s*\([^()\n]{1,40}\)/y;
const NEGATED_MARKER = /(?:(?<![\p{L}])(?:not|never|nicht|niemals|nunca|jamais)|n['’]t)\s+$/iu;
const OPTION_AFTER = /(?:\*\*|[*_)"'”’」】])*\s*(?:选项|選項|项|項|番)/uy;

/**
 * Whether the marker at `index` is hypothetical: "I don't know if it's B", "whether the answer is A".
 *
 * @example
 * isConditional("I don't know if it's B", 16) // true
 */
export function isConditional(text: string, index: number): boolean {
  return patterns().CONDITIONAL_BEFORE.test(text.slice(Math.max(0, index - 24), index));
}

const LINE_START_PREFIX = /^[\s>#*_\-•([]*$/;
const CONNECTIVES: ReadonlySet<string> = new Set([...CONNECTIVE_WORDS, ...HEDGE_WORDS]);
const NEXT_WORD = /[ \t]+(\p{L}[\p{L}\p{M}'’]*)/uy;
const LONE_STRIP = /[\s*_()[\]{}"'“”‘’「」『』«»‹›`$【】〔〕.。!！?？:;,、\-–—#>•]/g;
const LABEL_PUNCTUATION = /(?:\*\*|[*_])*(?:[.):：,\-–—]|\s*[-–—]\s|\s*$|\s*\n)/y;
const SENTENCE_BREAK = /(?<=[.!?。！？])\s+|\n/;
const COPULA_STATEMENT =
  /(?<![\p{L}])(?:is|are|was|est|ist|es|é|è|là|adalah|ialah|ni|είναι|является|это|—|-)\s+((?:(?!\s(?:not|pas|nicht|no|não|non|không|bukan|si|δεν|не)\s)[^\n])+?)\s*[.!。！]?\s*$/iu;
const LEADING_ARTICLE = /^(?:the|a|an|la|le|les|el|los|las|der|die|das|o|os|as|il|lo|gli|η|ο|το|οι|τα|un|une|una|uno|ein|eine|um|uma)\s+/u;

// ---------------------------------------------------------------------------------------------
// Letters

type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'thai' | 'devanagari' | 'hangul' | 'kana' | 'han';

interface LetterToken {
  /** The Latin letter it stands for. */
  letter: string;
  start: number;
  end: number;
  form: 'upper' | 'lower' | 'native';
  script: Script;
}

interface Context {
  text: string;
  count: number;
  rawChoices: readonly string[];
  /** The choices, normalised with `foldAnswer`. */
  choices: string[];
  longestChoice: number;
  oneLetterWords: string;
}

function oneLetterWordsFor(language: string | undefined): string {
  const primary = primaryLanguage(language);
  return primary && primary in ONE_LETTER_WORDS ? ONE_LETTER_WORDS[primary] : primary === '' ? DEFAULT_ONE_LETTER_WORDS : 'AI';
}

function scriptOf(code: number): Script | undefined {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) return 'latin';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if (code >= 0x370 && code <= 0x3ff) return 'greek';
  if (
    (code >= 0x610 && code <= 0x61a) ||
    (code >= 0x620 && code <= 0x65f) ||
    (code >= 0x66e && code <= 0x6d3) ||
    (code >= 0x6fa && code <= 0x6ff) ||
    (code >= 0x750 && code <= 0x77f)
  )
    return 'arabic';
  if (code >= 0xe01 && code <= 0xe4e) return 'thai';
  if ((code >= 0x900 && code <= 0x963) || (code >= 0x966 && code <= 0x97f)) return 'devanagari';
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318e)) return 'hangul';
  if ((code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc) return 'kana';
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'han';
  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether the character at `index` would join a letter of `script` into a longer word. */
function joins(text: string, index: number, script: Script): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  const other = scriptOf(code);
  if (script === 'latin' || script === 'cyrillic' || script === 'greek') {
    if (isDigit(code) || code === 95) return true;
    if (other === 'latin' || other === 'cyrillic' || other === 'greek') return true;
    return code >= 0x300 && code <= 0x36f;
  }
  if (script === 'han') return other === 'han';
  return other === script;
}

/** Reads an option letter at `index` whose end is a word boundary, or nothing. */
function readLetterAt(text: string, index: number): LetterToken | undefined {
  const code = text.charCodeAt(index);
  let token: LetterToken | undefined;
  if (code >= 65 && code <= 90) token = { letter: text[index], start: index, end: index + 1, form: 'upper', script: 'latin' };
  else if (code >= 97 && code <= 122) token = { letter: text[index].toUpperCase(), start: index, end: index + 1, form: 'lower', script: 'latin' };
  else {
    const script = scriptOf(code);
    if (!script) return undefined;
    for (const length of [3, 2, 1]) {
      const candidate = text.slice(index, index + length);
      const letter = candidate.length === length ? NATIVE_LETTERS.get(candidate) : undefined;
      if (letter) {
        token = { letter, start: index, end: index + length, form: 'native', script };
        break;
      }
    }
  }
  if (!token) return undefined;
  const end = token.end;
  if (joins(text, end, token.script)) return undefined;
  if (token.script === 'latin' || token.script === 'cyrillic' || token.script === 'greek') {
    const next = text[end];
    // "I'm", "B-52", "U.S.": the letter is part of a word or an abbreviation.
    if (
      (next === "'" || next === '’' || next === '-' || next === '.') &&
      joins(text, end + 1, 'latin') &&
      !(token.form === 'upper' && TURKISH_SUFFIX.test(text.slice(end, end + 6)))
    )
      return undefined;
  }
  return token;
}

/** A Turkish case or copula suffix after an apostrophe ("C'dir", "C'yi"): the letter is still a letter. */
const TURKISH_SUFFIX = /^(?:['’](?:y?[iıuü]|dir|dır|dur|dür|tir|tır|tur|tür|d[ae]|t[ae]|d[ae]n|t[ae]n|y[ae])|-(?:dir|dır|dur|dür|tir|tır|tur|tür))(?![\p{L}])/u;

function hasBoundaryBefore(text: string, token: LetterToken): boolean {
  const index = token.start;
  if (token.script === 'han') return true;
  if (joins(text, index - 1, token.script)) return false;
  if (token.script === 'latin' || token.script === 'cyrillic' || token.script === 'greek') {
    const previous = text[index - 1];
    if ((previous === '.' || previous === '-' || previous === "'" || previous === '’') && joins(text, index - 2, 'latin')) return false;
  }
  return true;
}

/** Whether a letter token is really a word: the article "A good …", "I think", Spanish "y", Russian "В этом …". */
function isWordLike(context: Context, token: LetterToken): boolean {
  NEXT_WORD.lastIndex = token.end;
  const match = NEXT_WORD.exec(context.text);
  if (!match) return false;
  if (CONNECTIVES.has(match[1].toLowerCase())) return false;
  if (token.form === 'native' && token.script !== 'cyrillic' && token.script !== 'greek') return false;
  if (token.form === 'upper' && !context.oneLetterWords.includes(token.letter)) return false;
  // A one-letter word followed by a word is an article, pronoun or preposition, unless the option's own text follows ("A Tokyo").
  const choice = context.choices[CHOICE_LETTERS.indexOf(token.letter)];
  return !(choice && foldAnswer(context.text.slice(token.end, token.end + choice.length * 2 + 8)).startsWith(choice));
}

function inRange(context: Context, letter: string): boolean {
  const index = CHOICE_LETTERS.indexOf(letter);
  return index !== -1 && index < context.count;
}

function optionsText(context: Context): string {
  return `${CHOICE_LETTERS[0]}–${CHOICE_LETTERS[context.count - 1]}`;
}

function scanTokens(context: Context): LetterToken[] {
  const { text } = context;
  const tokens: LetterToken[] = [];
  let previousIsAsciiLetter = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const asciiLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    const skip = asciiLetter ? previousIsAsciiLetter : !NATIVE_FIRST.has(code);
    previousIsAsciiLetter = asciiLetter || isDigit(code);
    if (skip) continue;
    const token = readLetterAt(text, index);
    if (!token || !hasBoundaryBefore(text, token)) continue;
    tokens.push(token);
    index = token.end - 1;
  }
  return tokens;
}

const NATIVE_FIRST: ReadonlySet<number> = new Set([...NATIVE_LETTERS.keys()].map((key) => key.charCodeAt(0)));

function skipSticky(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.exec(text) ? pattern.lastIndex : index;
}

/** Skips the words between a marker and its letter; a one-letter article ("a alternativa correta é a C") only before a letter. */
function skipFillers(text: string, start: number): number {
  let index = skipSticky(patterns().FILLER, text, start);
  for (let article = skipSticky(ARTICLE_BEFORE_LETTER, text, index); article !== index; article = skipSticky(ARTICLE_BEFORE_LETTER, text, index)) {
    index = skipSticky(patterns().FILLER, text, article);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Markers: the last committed one wins

type Commitment =
  | { position: number; kind: 'letter'; letter: string; rule: ChoiceRule }
  | { position: number; kind: 'invalid'; reason: string }
  | { position: number; kind: 'uncommitted'; why: 'hedged' | 'negated' };

function lastCommitment(context: Context, tokens: readonly LetterToken[]): { committed?: ChoiceExtraction; hedged: boolean } {
  const { text } = context;
  const commitments: Commitment[] = [];
  const readByMarker = new Set<number>();
  patterns().MARKER.lastIndex = 0;
  for (let match = patterns().MARKER.exec(text); match; match = patterns().MARKER.exec(text)) {
    if (match[0].length === 0) {
      patterns().MARKER.lastIndex++;
      continue;
    }
    if (isConditional(text, match.index)) continue;
    // "I would not choose A", "wouldn't pick A": a negated commitment verb commits to nothing.
    if (NEGATED_MARKER.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    const commitment = readPayload(context, match.index, match.index + match[0].length, 'marker');
    if (commitment) commitments.push(commitment);
    if (commitment?.kind === 'letter') {
      const start = skipSticky(OPEN_DECORATION, text, skipFillers(text, match.index + match[0].length));
      readByMarker.add(start);
    }
  }
  BOXED.lastIndex = 0;
  for (let match = BOXED.exec(text); match; match = BOXED.exec(text)) {
    const commitment = readPayload(context, match.index, match.index + match[0].length, 'boxed');
    if (commitment) commitments.push(commitment);
  }
  for (const token of tokens) {
    if (token.form === 'lower' || isWordLike(context, token)) continue;
    if (token.form === 'native' && token.script !== 'cyrillic' && token.script !== 'greek' && !isDecorated(text, token)) continue;
    let index = skipSticky(CLOSE_DECORATION, text, token.end);
    index = skipSticky(PARENTHETICAL, text, index);
    patterns().VERDICT.lastIndex = index;
    if (!patterns().VERDICT.test(text)) continue;
    if (patterns().NEGATED_BEFORE.test(text.slice(Math.max(0, token.start - 24), token.start))) continue;
    // "正解は B です": the marker already read this letter; the copula after it adds nothing.
    if (readByMarker.has(token.start)) continue;
    // "B 또는 C입니다", "A or C is correct": a verdict on the second of two hedged letters commits to neither.
    if (patterns().HEDGED_BEFORE.test(text.slice(Math.max(0, token.start - 16), token.start))) {
      commitments.push({ position: token.start, kind: 'uncommitted', why: 'hedged' });
      continue;
    }
    commitments.push(letterCommitment(context, token.start, token.letter, 'verdict'));
  }
  for (const token of tokens) {
    const correction = correctedLetter(context, token);
    if (correction) commitments.push(correction);
  }
  commitments.push(...textVerdicts(context));
  commitments.sort((left, right) => left.position - right.position);
  for (let index = commitments.length - 1; index >= 0; index--) {
    const commitment = commitments[index];
    if (commitment.kind === 'letter') return { committed: { status: 'found', letter: commitment.letter, rule: commitment.rule }, hedged: false };
    if (commitment.kind === 'invalid') return { committed: { status: 'invalid', reason: commitment.reason }, hedged: false };
  }
  return { hedged: commitments.some((commitment) => commitment.kind === 'uncommitted' && commitment.why === 'hedged') };
}

/** "Kyoto is the correct answer", "京都是正确的": an option's text followed by a verdict. */
function textVerdicts(context: Context): Commitment[] {
  const { text, rawChoices: choices } = context;
  const lower = text.toLowerCase();
  const found: Commitment[] = [];
  if (lower.length !== text.length) return found;
  choices.forEach((choice, index) => {
    const needle = choice.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
    if (needle === '') return;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (SPACED_SCRIPT.test(needle[0]) && /[\p{L}\p{M}\p{N}]/u.test(text[at - 1] ?? '')) continue;
      if (SPACED_SCRIPT.test(needle[needle.length - 1]) && /[\p{L}\p{M}\p{N}]/u.test(text[end] ?? '')) continue;
      patterns().VERDICT.lastIndex = skipSticky(PARENTHETICAL, text, skipSticky(CLOSE_DECORATION, text, end));
      if (!patterns().VERDICT.test(text) || patterns().NEGATED_BEFORE.test(text.slice(Math.max(0, at - 24), at))) continue;
      found.push({ position: at, kind: 'letter', letter: CHOICE_LETTERS[index], rule: 'verdict' });
    }
  });
  return found;
}

/** "not A but C", "不是A，而是C", "nicht A, sondern C": the letter after the correction is a commitment. */
function correctedLetter(context: Context, token: LetterToken): Commitment | undefined {
  const { text } = context;
  const window = text.slice(Math.max(0, token.start - 16), token.start);
  if (!patterns().NEGATED_BEFORE.test(window)) return undefined;
  patterns().CORRECTION.lastIndex = skipSticky(PARENTHETICAL, text, skipSticky(CLOSE_DECORATION, text, token.end));
  if (!patterns().CORRECTION.exec(text)) return undefined;
  const corrected = readPayloadLetter(context, skipFillers(text, patterns().CORRECTION.lastIndex));
  if (!corrected || corrected === 'hedged' || corrected.letter === token.letter) return undefined;
  return letterCommitment(context, corrected.start, corrected.letter, 'marker');
}

function letterCommitment(context: Context, position: number, letter: string, rule: ChoiceRule): Commitment {
  if (inRange(context, letter)) return { position, kind: 'letter', letter, rule };
  return { position, kind: 'invalid', reason: `the answer ${letter} is not one of the options ${optionsText(context)}` };
}

/** Reads what follows an answer marker: a letter, an option's text, or nothing committed. */
function readPayload(context: Context, position: number, start: number, rule: 'marker' | 'boxed'): Commitment | undefined {
  const { text } = context;
  let index = skipFillers(text, start);

  const exact = exactChoiceText(context, index);
  if (exact !== undefined) return { position, kind: 'letter', letter: CHOICE_LETTERS[exact], rule: rule === 'boxed' ? 'boxed' : 'marker-text' };

  patterns().NEGATION.lastIndex = index;
  if (patterns().NEGATION.exec(text)) {
    const negated = readPayloadLetter(context, patterns().NEGATION.lastIndex);
    if (!negated || negated === 'hedged') return { position, kind: 'uncommitted', why: 'negated' };
    patterns().CORRECTION.lastIndex = skipSticky(PARENTHETICAL, text, skipSticky(CLOSE_DECORATION, text, negated.end));
    if (!patterns().CORRECTION.exec(text)) return { position, kind: 'uncommitted', why: 'negated' };
    index = skipFillers(text, patterns().CORRECTION.lastIndex);
  }

  const token = readPayloadLetter(context, index);
  if (token === 'hedged') return { position, kind: 'uncommitted', why: 'hedged' };
  if (token) {
    const conflict = conflictingText(context, token);
    if (conflict) return { position, kind: 'invalid', reason: conflict };
    return letterCommitment(context, position, token.letter, rule);
  }
  const prefix = choiceTextPrefix(context, index);
  if (prefix === 'hedged') return { position, kind: 'uncommitted', why: 'hedged' };
  if (prefix !== undefined) return { position, kind: 'letter', letter: CHOICE_LETTERS[prefix], rule: rule === 'boxed' ? 'boxed' : 'marker-text' };
  return undefined;
}

function readPayloadLetter(context: Context, start: number): LetterToken | 'hedged' | undefined {
  const { text } = context;
  const index = skipSticky(OPEN_DECORATION, text, start);
  const token = readLetterAt(text, index);
  // "answer is a bit …", "respuesta: a la …", "Answer: A good choice …": the letter is a word.
  if (!token || isWordLike(context, token)) return undefined;
  if (isHedged(context, token)) return 'hedged';
  return token;
}

function isHedged(context: Context, token: LetterToken): boolean {
  const { text } = context;
  patterns().HEDGE.lastIndex = skipSticky(CLOSE_DECORATION, text, token.end);
  if (!patterns().HEDGE.exec(text)) return false;
  const index = skipSticky(OPEN_DECORATION, text, patterns().HEDGE.lastIndex);
  const other = readLetterAt(text, index);
  return other !== undefined && other.letter !== token.letter && hasBoundaryBefore(text, other) && !isWordLike(context, other);
}

/** A letter followed by the full text of a different option ("B) Tokyo" when Tokyo is A) contradicts itself. */
function conflictingText(context: Context, token: LetterToken): string | undefined {
  const { text } = context;
  let index = skipSticky(CLOSE_DECORATION, text, token.end);
  const separator = /[\s.):：\-–—]+/y;
  separator.lastIndex = index;
  if (!separator.exec(text)) return undefined;
  index = separator.lastIndex;
  let lineEnd = text.indexOf('\n', index);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd - index > context.longestChoice * 2 + 40) return undefined;
  const rest = foldAnswer(text.slice(index, lineEnd));
  if (rest === '') return undefined;
  const found = context.choices.indexOf(rest);
  if (found === -1 || CHOICE_LETTERS[found] === token.letter) return undefined;
  return `the reply names letter ${token.letter} but the text of option ${CHOICE_LETTERS[found]}`;
}

/** The option whose whole text is what follows a marker, up to the end of the line. */
function exactChoiceText(context: Context, start: number): number | undefined {
  const { text } = context;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd - start > context.longestChoice * 2 + 40) return undefined;
  const rest = foldAnswer(text.slice(start, lineEnd));
  if (rest === '') return undefined;
  const found = context.choices.indexOf(rest);
  return found !== -1 && context.choices.indexOf(rest, found + 1) === -1 ? found : undefined;
}

/** The option whose text starts what follows a marker ("Answer: Kyoto, because …"); the longest wins. */
function choiceTextPrefix(context: Context, start: number): number | 'hedged' | undefined {
  const { text } = context;
  const rest = foldAnswer(text.slice(start, start + context.longestChoice * 2 + 40));
  if (rest === '') return undefined;
  let best: number | undefined;
  let tie = false;
  context.choices.forEach((choice, index) => {
    if (choice === '' || !(rest === choice || rest.startsWith(`${choice} `))) return;
    if (best === undefined || choice.length > context.choices[best].length) {
      best = index;
      tie = false;
    } else if (choice.length === context.choices[best].length) tie = true;
  });
  if (best === undefined || tie) return undefined;
  const after = rest.slice(context.choices[best].length).trimStart();
  if (
    after !== '' &&
    patterns().HEDGE_AT_START.test(after) &&
    context.choices.some((choice, index) => index !== best && after.replace(patterns().HEDGE_AT_START, '').startsWith(choice))
  )
    return 'hedged';
  return best;
}

// ---------------------------------------------------------------------------------------------
// The whole reply: a lone letter, one option's text, a leading label, a final lone letter

function wholeReply(context: Context, tokens: readonly LetterToken[]): ChoiceExtraction | undefined {
  const { text } = context;
  const lone = loneLetter(text);
  if (lone) {
    if (!inRange(context, lone.letter)) return { status: 'invalid', reason: `the answer ${lone.letter} is not one of the options ${optionsText(context)}` };
    return { status: 'found', letter: lone.letter, rule: 'lone-letter' };
  }

  if (text.length <= context.longestChoice * 2 + 40) {
    const normalized = foldAnswer(text);
    const found = context.choices.indexOf(normalized);
    if (found !== -1 && context.choices.indexOf(normalized, found + 1) === -1) return { status: 'found', letter: CHOICE_LETTERS[found], rule: 'choice-text' };
  }

  const leading = leadingLabel(context, tokens);
  if (leading) return leading;

  const parts = text
    .trimEnd()
    .split(SENTENCE_BREAK)
    .filter((part) => part.trim() !== '');
  if (parts.length >= 2) {
    const last = loneLetter(parts[parts.length - 1]);
    if (last && inRange(context, last.letter) && !loneLetter(parts[parts.length - 2])) return { status: 'found', letter: last.letter, rule: 'final-line' };
  }
  // "Diwali is the festival of lights.": the last sentence states one option's whole text after a copula.
  const stated = COPULA_STATEMENT.exec(parts[parts.length - 1] ?? '');
  if (stated) {
    const found = context.choices.indexOf(foldAnswer(stated[1]).replace(LEADING_ARTICLE, ''));
    if (found !== -1 && context.choices.indexOf(context.choices[found], found + 1) === -1)
      return { status: 'found', letter: CHOICE_LETTERS[found], rule: 'choice-text' };
  }
  return undefined;
}

function loneLetter(text: string): LetterToken | undefined {
  if (text.length > 40) return undefined;
  const core = text.replace(LONE_STRIP, '');
  if (core.length === 0 || core.length > 3) return undefined;
  const token = readLetterAt(core, 0);
  return token && token.end === core.length ? token : undefined;
}

function leadingLabel(context: Context, tokens: readonly LetterToken[]): ChoiceExtraction | undefined {
  const { text } = context;
  const first = tokens[0];
  if (!first || !LINE_START_PREFIX.test(text.slice(0, first.start)) || /\n/.test(text.slice(0, first.start).trim())) return undefined;
  if (!inRange(context, first.letter) || isWordLike(context, first)) return undefined;
  // "B. …", "**B**\n…", "(B) …", "B – …", "B because …"; a lower-case letter only with its label mark ("b) …").
  const afterDecoration = skipSticky(CLOSE_DECORATION, text, first.end);
  const labelled =
    first.form === 'lower'
      ? /^[*_]*[.):]/.test(text.slice(first.end, first.end + 4))
      : labelMarkAt(text, first.end) || labelMarkAt(text, afterDecoration) || connectiveAt(text, afterDecoration);
  if (!labelled || isHedged(context, first)) return undefined;
  // "A is wrong, …": a leading letter that is ruled out is no answer.
  patterns().NEGATED_AFTER.lastIndex = first.end;
  if (patterns().NEGATED_AFTER.test(text)) return undefined;
  // An echoed list of options ("A. Tokyo\nB. Kyoto") is not an answer.
  for (const token of tokens) {
    if (token === first || token.letter === first.letter) continue;
    if (isLineStartLabel(text, token)) return undefined;
    const firstLineEnd = text.indexOf('\n', first.end);
    if ((firstLineEnd === -1 || token.start < firstLineEnd) && /\s$/.test(text.slice(0, token.start)) && /^[.):]\s/.test(text.slice(token.end, token.end + 2)))
      return undefined;
  }
  const conflict = conflictingText(context, first);
  if (conflict) return { status: 'invalid', reason: conflict };
  return { status: 'found', letter: first.letter, rule: 'leading-letter' };
}

function labelMarkAt(text: string, index: number): boolean {
  LABEL_PUNCTUATION.lastIndex = index;
  return LABEL_PUNCTUATION.test(text);
}

function connectiveAt(text: string, index: number): boolean {
  NEXT_WORD.lastIndex = index;
  const next = NEXT_WORD.exec(text);
  return next !== null && CONNECTIVES.has(next[1].toLowerCase());
}

function isLineStartLabel(text: string, token: LetterToken): boolean {
  const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
  if (!LINE_START_PREFIX.test(text.slice(lineStart, token.start))) return false;
  return /^(?:\*\*|[*_])*[.):：]/.test(text.slice(token.end, token.end + 4));
}

// ---------------------------------------------------------------------------------------------
// No marker: one emphasised / parenthesised / "Option B" letter, and no other letter

type ReferenceKind = 'bold' | 'latex' | 'parenthesized' | 'option-word' | 'quoted' | 'label' | 'bare';
const REFERENCE_PRIORITY: readonly Exclude<ReferenceKind, 'bare'>[] = ['bold', 'latex', 'parenthesized', 'option-word', 'quoted', 'label'];

function isDecorated(text: string, token: LetterToken): boolean {
  const kind = referenceKind(text, token);
  return kind !== 'bare' && kind !== undefined;
}

function referenceKind(text: string, token: LetterToken): ReferenceKind | undefined {
  const before = text.slice(Math.max(0, token.start - 24), token.start);
  const after = text.slice(token.end, token.end + 8);
  if (/(?:\*\*|__)\s*$/.test(before) && /^(?:\s*(?:\*\*|__)|[.):：])/.test(after)) return 'bold';
  if (/(?<!\*)\*$/.test(before) && /^\*(?!\*)/.test(after)) return 'bold';
  if (/(?:\$|\\\()\s*$/.test(before) && /^\s*(?:\$|\\\))/.test(after)) return 'latex';
  if (/[([{【〔]\s*$/.test(before) && /^\s*[)\]}】〕]/.test(after)) return 'parenthesized';
  if (patterns().OPTION_BEFORE.test(before)) return 'option-word';
  OPTION_AFTER.lastIndex = token.end;
  if (OPTION_AFTER.test(text)) return 'option-word';
  if (/["'“‘「『«‹`]\s*$/.test(before) && /^\s*["'”’」』»›`]/.test(after)) return 'quoted';
  if (isLineStartLabel(text, token)) return 'label';
  return token.form === 'upper' ? 'bare' : undefined;
}

/** The one letter the reply points at without a marker; `undefined` when it mentions no letter. */
function singleReference(context: Context, tokens: readonly LetterToken[]): ChoiceExtraction | undefined {
  const { text } = context;
  const kinds = new Map<string, Set<ReferenceKind>>();
  for (const token of tokens) {
    if (!inRange(context, token.letter) || isWordLike(context, token)) continue;
    const kind = referenceKind(text, token);
    if (!kind) continue;
    if (patterns().NEGATED_BEFORE.test(text.slice(Math.max(0, token.start - 24), token.start))) continue;
    patterns().NEGATED_AFTER.lastIndex = token.end;
    if (patterns().NEGATED_AFTER.test(text)) continue;
    const set = kinds.get(token.letter) ?? new Set<ReferenceKind>();
    set.add(kind);
    kinds.set(token.letter, set);
  }
  if (kinds.size > 1) return { status: 'invalid', reason: `mentions ${[...kinds.keys()].sort().join(', ')} without committing to one` };
  if (kinds.size === 1) {
    const [[letter, set]] = [...kinds];
    const rule = REFERENCE_PRIORITY.find((kind) => set.has(kind));
    if (rule) return { status: 'found', letter, rule };
    return { status: 'invalid', reason: `mentions ${letter} only in passing, with no answer marker` };
  }
  return undefined;
}

/** The patterns of this module, compiled on first use: building them costs start-up time that most commands never need. */
function compilePatterns() {
  const MARKER = new RegExp([...ANSWER_MARKERS, ...OPINION_MARKERS].join('|').normalize('NFKC'), 'giu');
  const FILLER = new RegExp(`(?:[\\s:=\\-–—>،,]|(?:${wordAlternation(ANSWER_FILLERS)}))+`, 'iuy');
  const NEGATION = new RegExp(`(?:${wordAlternation(NEGATION_WORDS)})\\s*`, 'iuy');
  const CORRECTION = new RegExp(`\\s*[,;、]?\\s*(?:${wordAlternation(CORRECTION_WORDS)})\\s*[,:]?\\s*`, 'iuy');
  const HEDGE = new RegExp(
    `\\s*(?:\\([^()\\n]{0,40}\\)\\s*)?(?:[,、/&]\\s*(?:(?:${wordAlternation(HEDGE_WORDS)})\\s*)?|(?:${wordAlternation(HEDGE_WORDS)})\\s*)(?:(?:maybe|perhaps|possibly|probably|也许|可能|或许)\\s*)?(?:(?:la|el|le|the|lo|το|η|a|o)\\s+)?(?:(?:option|choice|opción|opção|选项|選項)\\s*)?`,
    'iuy',
  );
  const HEDGED_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])[A-Z](?:\\*\\*|[*_)"'])*\\s*(?:[,/、]|${wordAlternation(HEDGE_WORDS)})\\s*(?:\\*\\*|[*_("'])*$`, 'u');
  const VERDICT = new RegExp(
    (
      '(?:' +
      [
        '\\s+(?:is|was|would\\s+be|seems\\s+to\\s+be|must\\s+be|should\\s+be)\\s+(?:the\\s+)?(?:correct|right|best|true|only\\s+correct|answer|most\\s+(?:appropriate|accurate|likely|plausible|suitable))(?![\\p{L}])',
        "\\s+(?:es|est|ist|é|è|là|adalah|ni|является|—|-)\\s+(?:la\\s+|le\\s+|die\\s+|a\\s+|o\\s+|l['’])?(?:correct[ao]?|correcte|bonne|juste|richtig|korrekt|correta|certa|corretta|giusta|đúng|benar|tepat|sahihi|правильн\\p{L}*|верн\\p{L}*|doğru)(?![\\p{L}])",
        '\\s+(?:đúng|benar|doğru(?:dur)?|правильн\\p{L}*|верн\\p{L}*)(?![\\p{L}])',
        '\\s*(?:选项|選項|项|項)?\\s*(?:是|为|為|才是|最)?\\s*(?:正确|正確|对的|對的|正解)',
        '\\s*(?:が|は)\\s*(?:正解|正しい)',
        '\\s*번?\\s*(?:가|이|는|은)?\\s*(?:정답|맞습니다|맞아요|옳습니다)',
        // A sentence-final copula: "Bです。", "Bだと思います", "B ነው።"
        '\\s*(?:です|だ)(?:と思います|と思う)?\\s*(?:[。.!！]|$)',
        '\\s*ነው',
        '\\s*(?:입니다|이다|예요|이에요)\\s*(?:[.!]|$)',
        '\\s*(?:인|일)\\s*것\\s*같(?:아요|습니다|다)',
        '\\s*(?:هو|هي)?\\s*(?:ال)?(?:صحيح[ةه]?|الإجابة\\s+الصحيحة|إجابة\\s+صحيحة)',
        '\\s*(?:คือ|เป็น)?\\s*(?:คำตอบที่)?ถูก(?:ต้อง)?',
        '\\s*सही\\s+(?:है|उत्तर|विकल्प)',
        '\\s*(?:درست|صحیح)(?:\\s*است)?',
        // A letter before the verb that chooses it: "Cを選びます", "C를 고르겠습니다", "C चुनूँगा", "C'yi seçerdim", "C را انتخاب می‌کنم", "C wählen"
        '\\s*(?:を選(?:びます|ぶ|択します|択)|にします)',
        '\\s*(?:를|을)\\s*(?:고르겠|고릅니다|고를게|선택하겠|선택합니다|선택할게|택하겠)',
        '\\s*(?:चुनूँगा|चुनूंगा|चुनूँगी|चुनूंगी|चुनता\\s+हूँ|चुनती\\s+हूँ|चुनता\\s+हूं|चुनती\\s+हूं)',
        '(?:y?[iıuü])\\s+(?:seçerdim|seçiyorum|seçerim|seçeceğim|seçtim)(?![\\p{L}])',
        '\\s*(?:seçeneği|şıkkı|şıkkıdır)\\s+doğru(?:dur)?(?![\\p{L}])',
        '(?:dir|dır|dur|dür|tir|tır|tur|tür)(?![\\p{L}])',
        '\\s*را\\s*(?:انتخاب\\s*می\\s*کنم|برمی\\s*گزینم)',
        '\\s+(?:wählen|nehmen|ankreuzen)(?![\\p{L}])',
      ].join('|') +
      ')(?!\\s*(?:吗|嗎|么|麼|か|\\?))'
    ).normalize('NFKC'),
    'iuy',
  );
  const OPTION_BEFORE = new RegExp(
    `(?:${wordAlternation(['option', 'choice', 'alternative', 'opción', 'opcion', 'opção', 'alternativa', 'variante', 'вариант', 'варианта', 'phương án', 'lựa chọn', 'câu', 'pilihan', 'opsi', 'seçenek', 'şık', 'chaguo', 'الخيار', 'خيار', 'گزینه', 'گزینهٔ', 'विकल्प', '选项', '選項', '选', '選', '선택지', '보기', 'ตัวเลือก', 'ข้อ', '選択肢'])})\\s*[:]?\\s*(?:\\*\\*|[*_("'“‘「【])*\\s*$`,
    'iu',
  );
  const NEGATED_BEFORE = new RegExp(
    `(?:${wordAlternation(NEGATION_WORDS)})\\s*(?:(?:option|choice|opción|opção|вариант|选项|選項)\\s*)?(?:\\*\\*|[*_("'“‘「【\\[])*\\s*$|(?:${wordAlternation(NEGATION_WORDS)})\\s+[^()\\n.;,]{1,30}\\(\\s*$`,
    'iu',
  );
  const NEGATED_AFTER = new RegExp(
    (
      '(?:\\*\\*|[*_)"\'”’」』\\]】])*(?:\\s*\\([^()\\n]{1,40}\\))?\\s*(?:' +
      [
        '(?:is|was)\\s+(?:not|incorrect|wrong|false|ruled\\s+out|eliminated|out)(?![\\p{L}])',
        "isn['’]t",
        'can\\s+be\\s+(?:ruled\\s+out|eliminated)',
        '(?:es|est|ist|é|è)\\s+(?:incorrect[ao]?|incorrecte|faux|fausse|falsch|errad[ao]|sbagliat[ao]|nicht)(?![\\p{L}])',
        'не\\s*верн|неверн|неправильн',
        '(?:是)?(?:错|錯|不对|不對|不正确|不正確)',
        '(?:は|が)\\s*(?:誤り|間違い|不正解|正しくない)',
        '(?:는|은|가|이)?\\s*(?:오답|틀)',
        '(?:là\\s+)?sai(?![\\p{L}])',
        '(?:adalah\\s+)?salah(?![\\p{L}])',
        'خطأ|خاطئ|ผิด|गलत|yanlış|نادرست|غلط',
      ].join('|') +
      ')'
    ).normalize('NFKC'),
    'iuy',
  );
  const CONDITIONAL_BEFORE = new RegExp(`(?:${wordAlternation(CONDITIONAL_WORDS)})\\s*(?:\\S+\\s+)?$`, 'iu');
  const REFUSAL = new RegExp(REFUSAL_PATTERNS.join('|').normalize('NFKC'), 'iu');
  const HEDGE_AT_START = new RegExp(`^(?:${wordAlternation(HEDGE_WORDS)})\\s*`, 'iu');
  return {
    MARKER,
    FILLER,
    NEGATION,
    CORRECTION,
    HEDGE,
    HEDGED_BEFORE,
    VERDICT,
    OPTION_BEFORE,
    NEGATED_BEFORE,
    NEGATED_AFTER,
    CONDITIONAL_BEFORE,
    REFUSAL,
    HEDGE_AT_START,
  };
}

let compiled: ReturnType<typeof compilePatterns> | undefined;
function patterns(): ReturnType<typeof compilePatterns> {
  compiled ??= compilePatterns();
  return compiled;
}
