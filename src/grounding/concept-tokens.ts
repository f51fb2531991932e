import { foldText } from '../text/fold-text.js';
import { CULTURE_LEXICON } from './culture-lexicon.js';
import { tokenize } from './tokenize.js';

/** Marks a concept or country token so that it never collides with a word. */
const MARK = '\u0002';
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

interface CompiledLexicon {
  /** Words of spaced scripts, by their first token: the token sequence and the concept. */
  byFirstToken: Map<string, { tokens: string[]; concept: string }[]>;
  /** Words of unspaced scripts (matched as substrings of the folded text). */
  unspaced: { word: string; concept: string }[];
}

let compiled: CompiledLexicon | undefined;

/**
 * The language-neutral tokens of the everyday-culture concepts a text names (`culture-lexicon.ts`), once each, in
 * lexicon order: `tokenize`d words of Latin and Arabic script as whole word sequences, Chinese, Japanese, Korean
 * and Thai words as substrings.
 *
 * @example
 * conceptTokens('在日本吃饭时筷子能插在米饭上吗？') // ['\u0002c:rice', '\u0002c:chopsticks', '\u0002c:eating', …]
 */
export function conceptTokens(text: string): string[] {
  compiled ??= compileLexicon();
  const found = new Set<string>();
  const folded = foldText(text);
  if (UNSPACED.test(folded)) {
    for (const { word, concept } of compiled.unspaced) if (folded.includes(word)) found.add(concept);
  }
  const tokens = tokenize(folded, { bigrams: false });
  for (let start = 0; start < tokens.length; start++) {
    for (const { tokens: sequence, concept } of compiled.byFirstToken.get(tokens[start]) ?? []) {
      if (found.has(concept)) continue;
      let index = 1;
      while (index < sequence.length && tokens[start + index] === sequence[index]) index++;
      if (index === sequence.length) found.add(concept);
    }
  }
  return [...found].map((concept) => `${MARK}c:${concept}`);
}

/**
 * The token of a country (ISO alpha-2; a region such as `IN-AS` counts as its country).
 *
 * @example
 * countryToken('jp') // '\u0002cc:JP'
 */
export function countryToken(country: string): string {
  return `${MARK}cc:${country.toUpperCase().split('-')[0]}`;
}

function compileLexicon(): CompiledLexicon {
  const byFirstToken = new Map<string, { tokens: string[]; concept: string }[]>();
  const unspaced: { word: string; concept: string }[] = [];
  for (const [concept, entry] of Object.entries(CULTURE_LEXICON)) {
    for (const part of entry.split('|')) {
      const trimmed = part.trim();
      const space = trimmed.indexOf(' ');
      const language = trimmed.slice(0, space);
      for (const raw of trimmed.slice(space + 1).split(',')) {
        const word = foldText(raw.trim());
        if (!word) continue;
        if (UNSPACED.test(word)) {
          unspaced.push({ word, concept });
          continue;
        }
        const tokens = tokenize(word, { language, bigrams: false });
        if (tokens.length === 0) continue;
        const list = byFirstToken.get(tokens[0]) ?? [];
        list.push({ tokens, concept });
        byFirstToken.set(tokens[0], list);
      }
    }
  }
  return { byFirstToken, unspaced };
}
