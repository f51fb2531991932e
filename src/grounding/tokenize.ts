import { stemmer } from 'stemmer';
import { foldText } from '../text/fold-text.js';
import { guessLatinLanguage } from './guess-language.js';
import { lightStem } from './light-stem.js';
import { LATIN_STOPWORD_LANGUAGES, stopwordsOf } from './stopwords.js';

/** Changes whenever tokens change: stored indexes made by another version are rebuilt. */
export const TOKENIZER_VERSION = 'culturekit-tokenizer@2';

export interface TokenizeOptions {
  /** BCP 47 tag of the text; chooses the stopword list of Latin-script words (guessed from the text when absent). */
  language?: string;
  /** Also emit character bigrams of Chinese/Japanese/Korean runs (default true). */
  bigrams?: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const LATIN = /^[\p{Script=Latin}\p{N}'’.-]+$/u;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]{2,}/gu;
const ARABIC = /\p{Script=Arabic}/u;
const WORD_PIECES = /['’.]/;
/** Marks a bigram so that it never collides with a segmented word of the same characters. */
const BIGRAM_MARK = '\u0001';

let cjkStopwords: ReadonlySet<string> | undefined;

/**
 * Words of a text for lexical search, in any language: NFKC, lower case, accents folded, `Intl.Segmenter`
 * word segmentation (dictionary-based for Chinese, Japanese and Thai), stopwords dropped, a stem (Porter's for
 * English words — `refused`/`refusal` → `refus` —, else a light one: plural `-s`, `-ing`/`-ed`; Arabic article and
 * suffixes), and character bigrams of CJK runs so that a query segmented
 * differently from the text still matches.
 *
 * @example
 * tokenize('In Japan, bows are the customary greeting') // ['japan', 'bow', 'customari', 'greet']
 * tokenize('日本のお辞儀', { bigrams: false }) // ['日本', 'お辞儀']
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const folded = foldText(text);
  const words: string[] = [];
  for (const segment of segmenter.segment(folded)) {
    if (!segment.isWordLike) continue;
    const word = segment.segment;
    if (WORD_PIECES.test(word) && LATIN.test(word)) {
      for (const piece of word.split(/['’.]+/)) if (piece) words.push(piece);
    } else {
      words.push(word);
    }
  }
  const latin = latinLanguage(options.language, words);
  const latinStopwords = stopwordsOf(latin);
  const stemLatin = latin === 'en' ? stemmer : lightStem;
  const tokens: string[] = [];
  for (const word of words) {
    if (CJK.test(word)) {
      cjkStopwords ??= new Set([...stopwordsOf('zh'), ...stopwordsOf('ja')]);
      if (!cjkStopwords.has(word)) tokens.push(word);
    } else if (ARABIC.test(word)) {
      if (!stopwordsOf('ar').has(word)) tokens.push(lightStem(word));
    } else if (HAS_LATIN_LETTER.test(word)) {
      if (word.length > 1 && !latinStopwords.has(word)) tokens.push(stemLatin(word));
    } else {
      tokens.push(word);
    }
  }
  if (options.bigrams ?? true) {
    for (const run of folded.matchAll(CJK_RUN)) {
      const characters = [...run[0]];
      for (let index = 0; index + 1 < characters.length; index++) tokens.push(BIGRAM_MARK + characters[index] + characters[index + 1]);
    }
  }
  return tokens;
}

/** The language whose stopwords apply to Latin-script words: the given one, else the one whose stopwords the words use most. */
function latinLanguage(language: string | undefined, words: string[]): string {
  const primary = language?.toLowerCase().split('-')[0];
  if (primary && (LATIN_STOPWORD_LANGUAGES as readonly string[]).includes(primary)) return primary;
  return guessLatinLanguage(words);
}
