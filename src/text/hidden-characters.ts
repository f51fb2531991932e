/**
 * Characters that change what text says or how it is ordered without being seen: Unicode tag characters (a hidden
 * ASCII channel), bidirectional embeddings, overrides, isolates and marks (they reorder what is shown), and zero-width
 * or blank-looking characters. Zero-width joiner and non-joiner are left out: Persian, Indic scripts and emoji need them.
 */
const NAMED: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
]);

/** The name of a hidden character (`TAG LATIN SMALL LETTER A`), or `undefined` for any other. */
export function hiddenCharacterName(codePoint: number): string | undefined {
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) {
    if (codePoint >= 0xe0020 && codePoint <= 0xe007e) return `TAG ${JSON.stringify(String.fromCharCode(codePoint - 0xe0000))}`;
    return codePoint === 0xe007f ? 'CANCEL TAG' : 'LANGUAGE TAG';
  }
  return NAMED.get(codePoint);
}

export interface HiddenCharacter {
  /** Index in the string (UTF-16). */
  index: number;
  codePoint: number;
  name: string;
}

/**
 * Every hidden character of `text`, in order.
 *
 * @example
 * findHiddenCharacters('pay\u200Bpal') // [{ index: 3, codePoint: 0x200b, name: 'ZERO WIDTH SPACE' }]
 */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  let index = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const name = hiddenCharacterName(codePoint);
    if (name) found.push({ index, codePoint, name });
    index += character.length;
  }
  return found;
}

/** `U+200B` */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The text cut into plain runs and hidden characters, for a page to show the hidden ones visibly.
 *
 * @example
 * splitHidden('a\u202Eb') // ['a', { index: 1, codePoint: 0x202e, name: 'RIGHT-TO-LEFT OVERRIDE' }, 'b']
 */
export function splitHidden(text: string): (string | HiddenCharacter)[] {
  const parts: (string | HiddenCharacter)[] = [];
  let start = 0;
  for (const hidden of findHiddenCharacters(text)) {
    if (hidden.index > start) parts.push(text.slice(start, hidden.index));
    parts.push(hidden);
    start = hidden.index + (hidden.codePoint > 0xffff ? 2 : 1);
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

/** Characters that look like Latin letters (Cyrillic, Greek, fullwidth forms fold with NFKC), for names that imitate others. */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  т: 't',
  в: 'b',
  к: 'k',
  α: 'a',
  ε: 'e',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  χ: 'x',
  υ: 'u',
  μ: 'm',
  η: 'n',
  ı: 'i',
  ɑ: 'a',
  ɡ: 'g',
  ℓ: 'l',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

/**
 * What a name looks like, for comparing names: NFKC (fullwidth `ａ` → `a`), lower case, hidden characters and marks
 * dropped, lookalike letters (Cyrillic `а`, Greek `ο`, digit `0`) mapped to the Latin letter they imitate.
 *
 * @example
 * nameSkeleton('АDMIN') === nameSkeleton('admin') // true (a Cyrillic А)
 */
export function nameSkeleton(name: string): string {
  let skeleton = '';
  for (const character of name.normalize('NFKC').toLowerCase().normalize('NFD')) {
    const codePoint = character.codePointAt(0)!;
    if (hiddenCharacterName(codePoint) || (codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0x200c || codePoint === 0x200d) continue;
    const latin = LOOKALIKES[character] ?? character;
    skeleton += latin === 'i' ? 'l' : latin;
  }
  return skeleton.replace(/[_.-]/g, '');
}
