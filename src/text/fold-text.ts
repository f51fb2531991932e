/** Combining marks dropped when folding: Latin/Greek/Cyrillic accents, Arabic short vowels and tatweel. */
const DROPPED_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g;
const ARABIC_ALEFS = /[أإآٱ]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Text folded for matching: NFKC, lower case, accents and Arabic short vowels removed, Arabic alef and yeh
 * variants unified. Marks that carry meaning in other scripts (Devanagari, Thai, kana voicing) are kept.
 *
 * @example
 * foldText('Día de Muertos') // 'dia de muertos'
 * foldText('ＪＡＰＡＮ') // 'japan'
 */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const lower = text.normalize('NFKC').toLowerCase();
  return lower.normalize('NFD').replace(DROPPED_MARKS, '').normalize('NFC').replace(ARABIC_ALEFS, 'ا').replace(/ى/g, 'ي');
}

const PUNCTUATION_RUN = /[\s\p{P}\p{S}]+/gu;

/**
 * A short answer, a choice or a reply folded for comparing: `foldText`, then every run of spaces, punctuation and
 * symbols as one space, trimmed.
 *
 * @example
 * foldAnswer('  **Cotton-Candy!** ') // 'cotton candy'
 * foldAnswer('Ήλιο.')                // 'ηλιο'
 * foldAnswer('  「京都」。')          // '京都'
 */
export function foldAnswer(text: string): string {
  return foldText(text).replace(PUNCTUATION_RUN, ' ').trim();
}
