/** Scripts written without spaces between words: a short answer is matched as a substring there. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
/** Hangul is spaced, but particles attach to words (`김치를`), so whole-word matching misses: matched as a substring too. */
const PARTICLE_SCRIPT = /\p{Script=Hangul}/u;
const UNSPACED_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo', 'ko']);

/** Whether an answer is matched as a substring (unspaced scripts, Korean) rather than as a run of whole words. */
export function matchesAsSubstring(answer: string, language?: string): boolean {
  const primary = language?.split(/[-_]/)[0].toLowerCase();
  return (primary !== undefined && UNSPACED_LANGUAGES.has(primary)) || UNSPACED_SCRIPT.test(answer) || PARTICLE_SCRIPT.test(answer);
}

/**
 * Whether a normalised answer occurs in a normalised text: as a substring for unspaced scripts and Korean, otherwise as
 * a run of whole words (`tea` is in `green tea` but not in `steak`).
 *
 * @example
 * containsAnswer('i would say green tea', 'green tea', 'en') // true
 * containsAnswer('steak', 'tea', 'en')                       // false
 * containsAnswer('我觉得是饺子吧', '饺子', 'zh')                // true
 */
export function containsAnswer(normalizedText: string, normalizedAnswer: string, language?: string): boolean {
  if (normalizedAnswer === '') return false;
  if (matchesAsSubstring(normalizedAnswer, language)) return normalizedText.includes(normalizedAnswer);
  return ` ${normalizedText} `.includes(` ${normalizedAnswer} `);
}

/**
 * Levenshtein distance between two strings (by code point), for matching misspelt answers to their candidates.
 *
 * @example
 * editDistance('φαρεναιτ', 'φαρενχαιτ') // 1
 */
export function editDistance(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row++) {
    const current = [row];
    for (let column = 1; column <= b.length; column++) {
      current[column] = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (a[row - 1] === b[column - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
