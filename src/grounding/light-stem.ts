const LATIN_WORD = /^[a-z]+$/;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/**
 * A light stem of a folded word: plural `-s`/`-es`/`-ies` and then `-ing`/`-ed` off Latin-script words (`greetings`
 * and `greet` meet), and the article, conjunction and common suffixes off Arabic words (in the manner of Larkey's
 * light10). Other words are kept.
 *
 * @example
 * lightStem('greetings') // 'greet'
 * lightStem('السعودية') // 'سعود'
 */
export function lightStem(word: string): string {
  if (LATIN_WORD.test(word)) return latinStem(word);
  if (ARABIC_LETTER.test(word)) return arabicStem(word);
  return word;
}

function latinStem(word: string): string {
  const singular = pluralStem(word);
  const verb = /^(.{3,}?)(?:ing|ed)$/.exec(singular);
  if (!verb || singular.length < 6) return singular;
  const stem = verb[1];
  return /([b-df-hj-kmnp-rtv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

function pluralStem(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function arabicStem(word: string): string {
  let stem = word;
  for (const prefix of ARABIC_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 2) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  if (stem.startsWith('و') && stem.length > 3) stem = stem.slice(1);
  for (const suffix of ARABIC_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem;
}
