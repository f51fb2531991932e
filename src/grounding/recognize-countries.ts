import { ISO_ALPHA2_CODES } from '../schema/countries.js';
import { countryNameEntries, type CountryNameEntry } from './country-names.js';
import { foldText } from '../text/fold-text.js';

export interface CountryMention {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The words of the text that name it. */
  text: string;
  /** Where they start, in the NFKC form of the text. */
  index: number;
  kind: 'name' | 'demonym' | 'code';
}

/** Upper-case words that are ISO codes but mostly mean something else in running text (US states, abbreviations). */
const CODE_DENYLIST = new Set(
  'AD AI AL AM AR AS AT AZ BE BS BY CA CC CO CV DO FM GA HM ID IL IN IO IS IT KY LA MA MD ME MN MO MS MT NC NE NO PA PM PR PS SC SD SO ST TM TN TO TV UM VA VC VI'.split(
    ' ',
  ),
);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const TWO_CAPITALS = /^[A-Z]{2}$/;

interface Matcher {
  byKey: Map<string, CountryNameEntry>;
  firstWords: Set<string>;
  longest: number;
  /** Names in unspaced scripts by their first character, longest first. */
  byFirstCharacter: Map<string, CountryNameEntry[]>;
}

let matcher: Matcher | undefined;

/**
 * The countries a text names, in order: country names and demonyms in any language of the name table
 * (`country-names.ts`), and upper-case ISO codes (`JP`; not those that are also common abbreviations or
 * US states, and not in a text written in capitals). The longest name wins (`South Africa`, not `Africa`;
 * `印度尼西亚`, not `印度`). Arabic words are also tried without a leading conjunction, preposition or article.
 *
 * @example
 * recognizeCountries('How do Japanese people greet guests in 中国?').map((mention) => mention.country) // ['JP', 'CN']
 */
export function recognizeCountries(text: string): CountryMention[] {
  matcher ??= buildMatcher();
  const normalized = text.normalize('NFKC');
  const mentions: CountryMention[] = [];
  const words: { raw: string; folded: string; index: number }[] = [];
  let upper = 0;
  let lower = 0;
  for (const match of normalized.matchAll(WORD)) {
    const raw = match[0];
    if (UNSPACED.test(raw)) continue;
    words.push({ raw, folded: foldText(raw), index: match.index });
    for (const character of raw) {
      if (character >= 'A' && character <= 'Z') upper++;
      else if (character >= 'a' && character <= 'z') lower++;
    }
  }
  const shouting = upper > 8 && upper > 2 * lower;
  for (let start = 0; start < words.length; start++) {
    const found = matchAt(matcher, words, start, shouting);
    if (found) {
      const last = words[start + found.words - 1];
      mentions.push({
        country: found.entry.country,
        text: normalized.slice(words[start].index, last.index + last.raw.length),
        index: words[start].index,
        kind: found.entry.kind,
      });
      start += found.words - 1;
      continue;
    }
    const raw = words[start].raw;
    if (!shouting && TWO_CAPITALS.test(raw) && ISO_ALPHA2_CODES.has(raw) && !CODE_DENYLIST.has(raw)) {
      mentions.push({ country: raw, text: raw, index: words[start].index, kind: 'code' });
    }
  }
  if (UNSPACED.test(normalized)) findUnspaced(matcher, normalized, mentions);
  return mentions.sort((left, right) => left.index - right.index);
}

/**
 * The distinct countries a text names, in order of first mention.
 *
 * @example
 * countriesIn('Mexican food vs. food in México') // ['MX']
 */
export function countriesIn(text: string): string[] {
  return [...new Set(recognizeCountries(text).map((mention) => mention.country))];
}

function matchAt(
  { byKey, firstWords, longest }: Matcher,
  words: { raw: string; folded: string }[],
  start: number,
  shouting: boolean,
): { entry: CountryNameEntry; words: number } | undefined {
  const first = words[start];
  const forms = ARABIC.test(first.folded) ? arabicVariants(first.folded) : [first.folded];
  for (const form of forms) {
    if (!firstWords.has(form)) continue;
    let key = form;
    const keys = [key];
    for (let next = start + 1; next < words.length && keys.length < longest; next++) {
      key += ` ${words[next].folded}`;
      keys.push(key);
    }
    for (let count = keys.length; count >= 1; count--) {
      const entry = byKey.get(keys[count - 1]);
      if (!entry?.inRunningText) continue;
      if (entry.capitals && (shouting || !words.slice(start, start + count).every((word) => word.raw === word.raw.toUpperCase()))) continue;
      if (entry.capitalizedOnly && first.raw[0] === first.raw[0].toLowerCase()) continue;
      return { entry, words: count };
    }
  }
  return undefined;
}

function findUnspaced(matcher: Matcher, text: string, mentions: CountryMention[]): void {
  for (let index = 0; index < text.length; index++) {
    const candidates = matcher.byFirstCharacter.get(text[index]);
    if (!candidates) continue;
    for (const entry of candidates) {
      if (text.startsWith(entry.name, index)) {
        mentions.push({ country: entry.country, text: entry.name, index, kind: entry.kind });
        index += entry.name.length - 1;
        break;
      }
    }
  }
}

/** The word, and the word without a leading conjunction (و ف), preposition (ب ل ك) or article (ال). */
function arabicVariants(word: string): string[] {
  const variants = [word];
  if ((word[0] === 'و' || word[0] === 'ف') && word.length > 3) variants.push(word.slice(1));
  for (const variant of [...variants]) {
    if (variant.startsWith('لل') && variant.length > 4) variants.push(`ال${variant.slice(2)}`);
    else if ((variant[0] === 'ب' || variant[0] === 'ل' || variant[0] === 'ك') && variant.length > 3) variants.push(variant.slice(1));
  }
  for (const variant of [...variants]) if (variant.startsWith('ال') && variant.length > 4) variants.push(variant.slice(2));
  return variants;
}

function buildMatcher(): Matcher {
  const byKey = new Map<string, CountryNameEntry>();
  const firstWords = new Set<string>();
  const byFirstCharacter = new Map<string, CountryNameEntry[]>();
  let longest = 1;
  for (const entry of countryNameEntries()) {
    if (!entry.inRunningText) continue;
    if (entry.unspaced) {
      const list = byFirstCharacter.get(entry.name[0]) ?? [];
      list.push(entry);
      byFirstCharacter.set(entry.name[0], list);
      continue;
    }
    byKey.set(entry.key, entry);
    const words = entry.key.split(' ');
    firstWords.add(words[0]);
    longest = Math.max(longest, words.length);
  }
  for (const list of byFirstCharacter.values()) list.sort((left, right) => right.name.length - left.name.length);
  return { byKey, firstWords, longest, byFirstCharacter };
}
