import { foldText } from '../text/fold-text.js';
import { LATIN_STOPWORD_LANGUAGES, stopwordsOf } from './stopwords.js';

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const ARABIC = /\p{Script=Arabic}/u;
const THAI = /\p{Script=Thai}/u;
const LATIN_WORD = /[a-z]+/g;

/**
 * A rough guess of the language of a text, from its script (kana → `ja`, Han → `zh`, Hangul → `ko`,
 * Arabic → `ar`, Thai → `th`) and, for Latin script, the stopwords it uses most (`en`, `es`, `fr`, `de`,
 * `pt`, `it`; `en` when unsure). Enough to pick the language of an instruction, not a language identifier.
 *
 * @example
 * guessLanguage('¿Qué se acostumbra decir a las personas que están comiendo?') // 'es'
 * guessLanguage('日本の家庭を訪問したとき') // 'ja'
 */
export function guessLanguage(text: string): string {
  if (KANA.test(text)) return 'ja';
  if (HAN.test(text)) return 'zh';
  if (HANGUL.test(text)) return 'ko';
  if (ARABIC.test(text)) return 'ar';
  if (THAI.test(text)) return 'th';
  return guessLatinLanguage(foldText(text).match(LATIN_WORD) ?? []);
}

/**
 * The Latin-script language whose stopwords folded words use most (`en` when none or on a tie).
 *
 * @example
 * guessLatinLanguage(['les', 'coutumes', 'du', 'pays']) // 'fr'
 */
export function guessLatinLanguage(words: readonly string[]): string {
  let best = 'en';
  let bestHits = 0;
  for (const language of LATIN_STOPWORD_LANGUAGES) {
    const stopwords = stopwordsOf(language);
    let hits = 0;
    for (const word of words) if (stopwords.has(word)) hits++;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
}
