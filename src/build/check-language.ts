import { francAll } from 'franc';

/** franc's ISO 639-3 codes → our BCP 47 tags (the shortest tag: ISO 639-1 where there is one). */
const ISO_639_3_TO_BCP_47: Record<string, string> = {
  eng: 'en',
  cmn: 'zh',
  yue: 'zh',
  wuu: 'zh',
  hak: 'zh',
  nan: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tha: 'th',
  spa: 'es',
  fra: 'fr',
  deu: 'de',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  srp: 'sr',
  mkd: 'mk',
  kaz: 'kk',
  arb: 'ar',
  ary: 'ar',
  arz: 'ar',
  pes: 'fa',
  prs: 'fa',
  urd: 'ur',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  ben: 'bn',
  tam: 'ta',
  tel: 'te',
  kan: 'kn',
  mal: 'ml',
  guj: 'gu',
  pan: 'pa',
  sin: 'si',
  vie: 'vi',
  ind: 'id',
  zsm: 'ms',
  tur: 'tr',
  pol: 'pl',
  ces: 'cs',
  slk: 'sk',
  slv: 'sl',
  hrv: 'hr',
  bos: 'bs',
  ron: 'ro',
  hun: 'hu',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  nno: 'nn',
  fin: 'fi',
  ekk: 'et',
  lit: 'lt',
  lvs: 'lv',
  ell: 'el',
  heb: 'he',
  tgl: 'tl',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  xho: 'xh',
  afr: 'af',
  som: 'so',
  amh: 'am',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
  uzn: 'uz',
  azj: 'az',
  khm: 'km',
  lao: 'lo',
  mya: 'my',
  kat: 'ka',
  hye: 'hy',
  tir: 'ti',
  plt: 'mg',
  kin: 'rw',
  nya: 'ny',
  sna: 'sn',
  ckb: 'ckb',
  pbu: 'ps',
};

const BCP_47_TO_ISO_639_3: Record<string, string> = {};
for (const [code, tag] of Object.entries(ISO_639_3_TO_BCP_47)) BCP_47_TO_ISO_639_3[tag] ??= code;

/**
 * franc's ISO 639-3 code as our BCP 47 tag: `cmn` → `zh`, `jpn` → `ja`, `eng` → `en`; a code without a two-letter tag
 * stays as it is (three-letter subtags are valid BCP 47); `und` stays `und`.
 *
 * @example
 * toLanguageTag('cmn') // 'zh'
 */
export function toLanguageTag(iso6393: string): string {
  return ISO_639_3_TO_BCP_47[iso6393] ?? iso6393;
}

type Script =
  | 'Latin'
  | 'Han'
  | 'Kana'
  | 'Hangul'
  | 'Thai'
  | 'Arabic'
  | 'Devanagari'
  | 'Cyrillic'
  | 'Greek'
  | 'Hebrew'
  | 'Bengali'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Gujarati'
  | 'Gurmukhi'
  | 'Sinhala'
  | 'Khmer'
  | 'Lao'
  | 'Myanmar'
  | 'Ethiopic'
  | 'Georgian'
  | 'Armenian';

const SCRIPTS: [Script, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Lao', /\p{Script=Lao}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
];

/** The script of each language that is not written in Latin script. */
const LANGUAGE_SCRIPTS: Record<string, Script> = {
  zh: 'Han',
  ja: 'Kana',
  ko: 'Hangul',
  th: 'Thai',
  ar: 'Arabic',
  fa: 'Arabic',
  ur: 'Arabic',
  ps: 'Arabic',
  ckb: 'Arabic',
  hi: 'Devanagari',
  mr: 'Devanagari',
  ne: 'Devanagari',
  ru: 'Cyrillic',
  uk: 'Cyrillic',
  be: 'Cyrillic',
  bg: 'Cyrillic',
  sr: 'Cyrillic',
  mk: 'Cyrillic',
  kk: 'Cyrillic',
  el: 'Greek',
  he: 'Hebrew',
  bn: 'Bengali',
  ta: 'Tamil',
  te: 'Telugu',
  kn: 'Kannada',
  ml: 'Malayalam',
  gu: 'Gujarati',
  pa: 'Gurmukhi',
  si: 'Sinhala',
  km: 'Khmer',
  lo: 'Lao',
  my: 'Myanmar',
  am: 'Ethiopic',
  ti: 'Ethiopic',
  ka: 'Georgian',
  hy: 'Armenian',
};

/** A language shown for a script when no finer identification is possible. */
const SCRIPT_LANGUAGES: Partial<Record<Script, string>> = {
  Han: 'zh',
  Kana: 'ja',
  Hangul: 'ko',
  Thai: 'th',
  Greek: 'el',
  Hebrew: 'he',
  Bengali: 'bn',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Gujarati: 'gu',
  Gurmukhi: 'pa',
  Sinhala: 'si',
  Khmer: 'km',
  Lao: 'lo',
  Myanmar: 'my',
  Georgian: 'ka',
  Armenian: 'hy',
};

export interface LanguageCheckOptions {
  /** Fewer letters than this: only the script is checked (trigram identification is unreliable on short texts). Default 25. */
  minimumLetters?: number;
  /** The expected language passes when franc scores it at least this share of the best score. Default 0.9. */
  tolerance?: number;
}

export interface LanguageCheck {
  ok: boolean;
  /** The language found (BCP 47), `und` when undetermined. */
  detected: string;
  /** How it was decided: `script`, `franc`, or `short` (too short for franc; the script matched). */
  method: 'script' | 'franc' | 'short' | 'empty';
  /** Why it failed. */
  reason?: string;
}

function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const character of text) {
    if (!/\p{L}/u.test(character)) continue;
    for (const [script, pattern] of SCRIPTS) {
      if (pattern.test(character)) {
        counts.set(script, (counts.get(script) ?? 0) + 1);
        break;
      }
    }
  }
  return counts;
}

/** The script of a text's letters, with kana (with or without Han) counted as Japanese's `Kana`. */
function dominantScript(counts: Map<Script, number>): Script | undefined {
  const kana = counts.get('Kana') ?? 0;
  const han = counts.get('Han') ?? 0;
  const merged = new Map(counts);
  if (kana > 0) {
    merged.set('Kana', kana + han);
    merged.delete('Han');
  }
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, count] of merged) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/** franc's candidate languages for a script shared by many languages: the widely written ones, plus the expected one. */
function candidatesFor(script: Script, expected: string | undefined): string[] {
  const candidates = Object.entries(ISO_639_3_TO_BCP_47)
    .filter(([, tag]) => (LANGUAGE_SCRIPTS[tag] ?? 'Latin') === script)
    .map(([code]) => code);
  if (expected && !candidates.includes(expected)) candidates.push(expected);
  return candidates;
}

/**
 * Checks that a text is in the expected language (a BCP 47 tag; its primary subtag is compared). The script decides
 * first (kana → Japanese, Han alone → Chinese, Hangul, Thai…; Japanese text must have kana). Within a script that
 * several languages share (Latin, Cyrillic, Arabic, Devanagari), franc decides among widely written languages — but
 * only on texts with at least `minimumLetters` letters: shorter texts pass on their script alone.
 *
 * @example
 * checkLanguage('日本の家庭を訪問したとき、玄関で何をしますか？', 'ja') // { ok: true, detected: 'ja', method: 'script' }
 * checkLanguage('在中国，春节期间人们通常会做什么？', 'ja').ok              // false
 * checkLanguage('¿Qué se acostumbra decir a las personas que están comiendo?', 'en').reason
 * // 'expected language en, detected es (franc: spa)'
 */
export function checkLanguage(text: string, expectedTag: string, options: LanguageCheckOptions = {}): LanguageCheck {
  const expected = expectedTag.split('-')[0].toLowerCase();
  const expectedScript: Script = LANGUAGE_SCRIPTS[expected] ?? 'Latin';
  const counts = scriptCounts(text);
  const script = dominantScript(counts);
  if (!script) return { ok: true, detected: 'und', method: 'empty' };
  if (script !== expectedScript) {
    const detected = identify(text, script, counts);
    return {
      ok: false,
      detected,
      method: 'script',
      reason: `expected language ${expectedTag}, detected ${detected} (${script === 'Kana' ? 'kana' : script} script)`,
    };
  }
  const sharedScript = Object.values(LANGUAGE_SCRIPTS).filter((value) => value === script).length > 1 || script === 'Latin';
  if (!sharedScript) return { ok: true, detected: expected, method: 'script' };
  const letters = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (letters < (options.minimumLetters ?? 25)) return { ok: true, detected: 'und', method: 'short' };
  const expectedCode = BCP_47_TO_ISO_639_3[expected] ?? expected;
  const ranked = francAll(text, { only: candidatesFor(script, expectedCode), minLength: 1 });
  const [top] = ranked;
  if (!top || top[0] === 'und') return { ok: true, detected: 'und', method: 'short' };
  const detected = toLanguageTag(top[0]);
  if (detected === expected) return { ok: true, detected, method: 'franc' };
  const expectedScore = ranked.find(([code]) => toLanguageTag(code) === expected)?.[1] ?? 0;
  if (expectedScore >= (options.tolerance ?? 0.9)) return { ok: true, detected: expected, method: 'franc' };
  return { ok: false, detected, method: 'franc', reason: `expected language ${expectedTag}, detected ${detected} (franc: ${top[0]})` };
}

function identify(text: string, script: Script, counts: Map<Script, number>): string {
  const byScript = SCRIPT_LANGUAGES[script];
  if (byScript) return byScript;
  const letters = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (letters < 10) return 'und';
  const [top] = francAll(text, { only: candidatesFor(script, undefined), minLength: 1 });
  return top && top[0] !== 'und' ? toLanguageTag(top[0]) : 'und';
}

/**
 * The language of a text as a BCP 47 tag: by script, then franc among widely written languages of that script;
 * `fallback` when it cannot tell (too short, no letters).
 *
 * @example
 * detectLanguage('ในประเทศไทย การไหว้เป็นการทักทายแบบดั้งเดิม') // 'th'
 */
export function detectLanguage(text: string, fallback = 'en'): string {
  const counts = scriptCounts(text);
  const script = dominantScript(counts);
  if (!script) return fallback;
  const detected = identify(text, script, counts);
  return detected === 'und' ? fallback : detected;
}
